// Inline SVG icons (no icon font: headless and minimal systems lack the glyphs).
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'currentColor', 'aria-hidden': true } as const;

export const IconFirst = () => (
  <svg {...base}>
    <rect x="2.5" y="3" width="2" height="10" rx="0.6" />
    <path d="M13 3.6v8.8a.6.6 0 0 1-.92.5L5.6 8.5a.6.6 0 0 1 0-1l6.48-4.4a.6.6 0 0 1 .92.5z" />
  </svg>
);
export const IconLast = () => (
  <svg {...base}>
    <rect x="11.5" y="3" width="2" height="10" rx="0.6" />
    <path d="M3 3.6v8.8a.6.6 0 0 0 .92.5l6.48-4.4a.6.6 0 0 0 0-1L3.92 3.1a.6.6 0 0 0-.92.5z" />
  </svg>
);
export const IconBack = () => (
  <svg {...base}>
    <path d="M11 3.6v8.8a.6.6 0 0 1-.92.5L3.6 8.5a.6.6 0 0 1 0-1l6.48-4.4a.6.6 0 0 1 .92.5z" />
  </svg>
);
export const IconForward = () => (
  <svg {...base}>
    <path d="M5 3.6v8.8a.6.6 0 0 0 .92.5l6.48-4.4a.6.6 0 0 0 0-1L5.92 3.1a.6.6 0 0 0-.92.5z" />
  </svg>
);
export const IconPlay = () => (
  <svg {...base}>
    <path d="M4.5 2.8v10.4a.7.7 0 0 0 1.07.6l8.1-5.2a.7.7 0 0 0 0-1.2l-8.1-5.2a.7.7 0 0 0-1.07.6z" />
  </svg>
);
export const IconPause = () => (
  <svg {...base}>
    <rect x="3.5" y="2.5" width="3.2" height="11" rx="0.8" />
    <rect x="9.3" y="2.5" width="3.2" height="11" rx="0.8" />
  </svg>
);
export const IconTrophy = () => (
  <svg
    width="18"
    height="18"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
  >
    <path d="M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0V4z" />
    <path d="M17 5h3v2a3 3 0 0 1-3 3M7 5H4v2a3 3 0 0 0 3 3" />
  </svg>
);
