/**
 * One error type for misuse and bad input: a code, what went wrong (and where), and how to fix it.
 * The CLI prints `message` and `fix` on one or two lines and exits non-zero, never a stack trace.
 */
export class ParallaxError extends Error {
  readonly code: string;
  readonly fix?: string;
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(code: string, message: string, fix?: string, exitCode = 2) {
    super(message);
    this.name = "ParallaxError";
    this.code = code;
    this.fix = fix;
    this.exitCode = exitCode;
  }

  /** One-line (plus fix) rendering for terminals. */
  describe(): string {
    return `error ${this.code}: ${this.message}${this.fix ? `\n  fix: ${this.fix}` : ""}`;
  }
}

export function isParallaxError(err: unknown): err is ParallaxError {
  return err instanceof ParallaxError;
}
