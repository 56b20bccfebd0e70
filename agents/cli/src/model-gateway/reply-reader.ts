// Reads a provider's answer as it streams past the gateway, into the ModelReply the ledger and
// the steps keep: text, tool calls and token counts, for the three wires, SSE or one JSON body.
// What the provider sends is untrusted: every field is checked before use, nothing here throws.
import type { ModelReply } from '@codearena/protocol';
import { createParser } from 'eventsource-parser';
import type { Endpoint } from './routes.ts';

export interface ReadReply {
  reply: ModelReply;
  /** Whether the provider sent token counts (else the gateway estimates them). */
  usageSeen: boolean;
}

export interface ReplyReader {
  push(chunk: Uint8Array): void;
  finish(): ReadReply;
}

/** A JSON body larger than this is not parsed (the exchange is then metered by estimate). */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null;

/** Collects one answer: calls by their stream index, usage as the last report of each count. */
class Accumulator {
  text: string[] = [];
  calls = new Map<number, { id: string; name: string; arguments: string }>();
  input: number | null = null;
  output: number | null = null;
  cachedInput = 0;
  cacheWrite = 0;
  /** Anthropic reports input without the cached part: added at the end. */
  anthropicInput = false;

  call(index: number) {
    let c = this.calls.get(index);
    if (!c) this.calls.set(index, (c = { id: '', name: '', arguments: '' }));
    return c;
  }

  result(): ReadReply {
    const extra = this.anthropicInput ? this.cachedInput + this.cacheWrite : 0;
    return {
      reply: {
        content: this.text.join(''),
        toolCalls: [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c),
        usage: {
          input: (this.input ?? 0) + extra,
          output: this.output ?? 0,
          cachedInput: this.cachedInput,
          cacheWrite: this.cacheWrite,
        },
      },
      usageSeen: this.input !== null || this.output !== null,
    };
  }

  anthropicUsage(u: Obj) {
    this.anthropicInput = true;
    this.input = int(u.input_tokens) ?? this.input;
    this.output = int(u.output_tokens) ?? this.output;
    this.cachedInput = int(u.cache_read_input_tokens) ?? this.cachedInput;
    this.cacheWrite = int(u.cache_creation_input_tokens) ?? this.cacheWrite;
  }

  /** Chat's prompt_tokens and Responses' input_tokens include the cached part. */
  openaiUsage(u: Obj, inKey: string, outKey: string, detailsKey: string) {
    this.input = int(u[inKey]) ?? this.input;
    this.output = int(u[outKey]) ?? this.output;
    this.cachedInput = int(obj(u[detailsKey]).cached_tokens) ?? this.cachedInput;
  }

  /** A whole Anthropic message (non-streaming). */
  message(m: Obj) {
    arr(m.content).forEach((b, i) => this.block(i, obj(b), true));
    this.anthropicUsage(obj(m.usage));
  }

  block(index: number, b: Obj, whole: boolean) {
    if (b.type === 'text') this.text.push(str(b.text));
    else if (b.type === 'tool_use' || b.type === 'server_tool_use') {
      const c = this.call(index);
      c.id = str(b.id);
      c.name = str(b.name);
      // Streaming sends the input as JSON deltas after an empty start object.
      if (whole) c.arguments = JSON.stringify(b.input ?? {});
    }
  }

  /** A whole Chat completion (non-streaming). */
  completion(r: Obj) {
    const m = obj(obj(arr(r.choices)[0]).message);
    this.text.push(str(m.content));
    arr(m.tool_calls).forEach((t, i) => {
      const f = obj(obj(t).function);
      Object.assign(this.call(i), { id: str(obj(t).id), name: str(f.name), arguments: str(f.arguments) });
    });
    this.openaiUsage(obj(r.usage), 'prompt_tokens', 'completion_tokens', 'prompt_tokens_details');
  }

  /** A whole Responses response (non-streaming, or the stream's response.completed). */
  response(r: Obj) {
    const output = arr(r.output);
    if (output.length) {
      this.text = [];
      this.calls.clear();
    }
    output.forEach((item, i) => this.item(i, obj(item)));
    this.openaiUsage(obj(r.usage), 'input_tokens', 'output_tokens', 'input_tokens_details');
  }

  item(index: number, it: Obj) {
    if (it.type === 'message')
      for (const part of arr(it.content)) if (obj(part).type === 'output_text') this.text.push(str(obj(part).text));
    if (it.type === 'function_call' || it.type === 'custom_tool_call')
      Object.assign(this.call(index), {
        id: str(it.call_id) || str(it.id),
        name: str(it.name),
        arguments: it.type === 'function_call' ? str(it.arguments) : str(it.input),
      });
  }
}

/** One SSE event's data, by wire. */
const EVENT: Record<Endpoint, (a: Accumulator, e: Obj) => void> = {
  messages(a, e) {
    const index = int(e.index) ?? 0;
    if (e.type === 'message_start') a.anthropicUsage(obj(obj(e.message).usage));
    else if (e.type === 'content_block_start') a.block(index, obj(e.content_block), false);
    else if (e.type === 'content_block_delta') {
      const d = obj(e.delta);
      if (d.type === 'text_delta') a.text.push(str(d.text));
      else if (d.type === 'input_json_delta') a.call(index).arguments += str(d.partial_json);
    } else if (e.type === 'message_delta') a.anthropicUsage(obj(e.usage));
  },
  chat(a, e) {
    const delta = obj(obj(arr(e.choices)[0]).delta);
    a.text.push(str(delta.content));
    for (const t of arr(delta.tool_calls)) {
      const c = a.call(int(obj(t).index) ?? 0);
      const f = obj(obj(t).function);
      if (str(obj(t).id)) c.id = str(obj(t).id);
      if (str(f.name)) c.name = str(f.name);
      c.arguments += str(f.arguments);
    }
    if (e.usage) a.openaiUsage(obj(e.usage), 'prompt_tokens', 'completion_tokens', 'prompt_tokens_details');
  },
  responses(a, e) {
    // Items as they finish; response.completed (when its output is filled) has the last word.
    if (e.type === 'response.output_item.done') a.item(int(e.output_index) ?? a.calls.size, obj(e.item));
    else if (e.type === 'response.completed' || e.type === 'response.incomplete') a.response(obj(e.response));
  },
};

const WHOLE: Record<Endpoint, (a: Accumulator, body: Obj) => void> = {
  messages: (a, b) => a.message(b),
  chat: (a, b) => a.completion(b),
  responses: (a, b) => a.response(b),
};

export function replyReader(endpoint: Endpoint, contentType: string): ReplyReader {
  const a = new Accumulator();
  if (/^text\/event-stream/i.test(contentType)) {
    const decoder = new TextDecoder();
    const parser = createParser({
      onEvent(ev) {
        if (ev.data === '[DONE]') return;
        try {
          EVENT[endpoint](a, obj(JSON.parse(ev.data)));
        } catch {
          /* an event that is not JSON carries nothing we meter */
        }
      },
    });
    return {
      push: (chunk) => parser.feed(decoder.decode(chunk, { stream: true })),
      finish: () => {
        parser.feed(decoder.decode());
        parser.reset({ consume: true });
        return a.result();
      },
    };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    push(chunk) {
      size += chunk.length;
      if (size <= MAX_JSON_BYTES) chunks.push(chunk);
    },
    finish() {
      if (size <= MAX_JSON_BYTES)
        try {
          WHOLE[endpoint](a, obj(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        } catch {
          /* not JSON: no reply text, no usage (estimated) */
        }
      return a.result();
    },
  };
}
