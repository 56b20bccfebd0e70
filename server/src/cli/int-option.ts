// The parsers of numeric command-line options, shared by every command.
import { InvalidArgumentError } from 'commander';

/** `--name <n>` as a whole number ≥ min, or commander's error naming the option. */
export const intOption =
  (name: string, min: number) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
    return n;
  };

/** `--name <x>` as a finite number (its range is the caller's to check), or commander's error naming the option. */
export const numberOption =
  (name: string) =>
  (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number, got "${v}"`);
    return n;
  };
