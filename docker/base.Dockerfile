# Used only where a registry answers; otherwise setup.sh builds the same image with debootstrap.
FROM debian:bookworm-slim
ARG PKGS
RUN apt-get update && apt-get install -y --no-install-recommends $PKGS && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
CMD ["bash"]
