// A canvas that draws one frame with an arena renderer, sized to its container and sharp on
// high-density screens. Falls back to the JSON view when the renderer does not understand it.
import { useEffect, useRef, useState } from 'react';
import type { ArenaRenderer } from './renderer-types.ts';
import { JsonFrameView } from './json-frame-view.tsx';

export function FrameCanvas({
  renderer,
  frame,
  colors,
}: {
  renderer: ArenaRenderer;
  frame: unknown;
  colors: Record<string, string>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState(false);
  const aspect = renderer.aspect(frame) || 1;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    const height = Math.round(width / aspect);
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    setFailed(!renderer.draw(ctx, frame, { width, height, colors }));
  }, [renderer, frame, colors, width, aspect]);

  if (failed) return <JsonFrameView frame={frame} />;
  return (
    <div ref={box} className="frame-canvas">
      <canvas
        ref={canvas}
        style={{ width: '100%', height: width ? Math.round(width / aspect) : undefined, aspectRatio: String(aspect) }}
        role="img"
        aria-label="game board"
      />
    </div>
  );
}
