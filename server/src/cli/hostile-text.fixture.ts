// Text a hostile bot or agent writes to take over the terminal that prints it, and the
// characters no printer of ours may let through raw. Shared by the terminal-output tests.

/** Window title, OSC 52 clipboard write, clear screen, C1 CSI, a line overwritten via \r and a
 *  cursor move up, a right-to-left override. */
export const HOSTILE_TEXT =
  '\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\u009b1A\r✓ all bots validated\x1b[1A\u202eevil';
/** Anything a terminal acts on; \n is allowed where a printer means a line break. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
