// The fallback for arenas without a renderer (or frames it cannot read): the frame as JSON.
const LIMIT = 20_000;

export function JsonFrameView({ frame }: { frame: unknown }) {
  let text = JSON.stringify(frame, null, 2) ?? 'null';
  if (text.length > LIMIT) text = `${text.slice(0, LIMIT)}\n… (${text.length - LIMIT} more characters)`;
  return (
    <pre className="json-frame" data-json-frame>
      {text}
    </pre>
  );
}
