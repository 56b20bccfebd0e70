// The parser of whole-number command-line options, shared by every command.
import { InvalidArgumentError } from 'commander';

/** `--name <n>` as a whole number ≥ min, or commander's error naming the option. */
export const intOption =
  (name: string, min: number) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
    return n;
  };
