// The web app: React + Vite, built into web/dist and served by `codearena serve`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `vite web` during development: the API and sockets come from `codearena serve`.
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://127.0.0.1:7420', '/socket.io': { target: 'ws://127.0.0.1:7420', ws: true } },
  },
});
