/**
 * Politeness per host: at most `perHost` requests in flight to one host, and request starts
 * to one host at least `delayMs` apart (a robots.txt Crawl-delay can raise it for that host).
 */
import { setTimeout as sleep } from "node:timers/promises";

interface HostState {
  active: number;
  nextStart: number;
  waiters: (() => void)[];
  delayMs?: number;
}

/** A per-host concurrency limit and minimum delay between request starts. */
export class HostGate {
  private hosts = new Map<string, HostState>();

  constructor(
    readonly perHost: number,
    readonly delayMs: number,
  ) {}

  /** Raises the delay for one host (e.g. to its robots.txt Crawl-delay). */
  setHostDelay(host: string, delayMs: number): void {
    this.state(host).delayMs = Math.max(this.delayMs, delayMs);
  }

  private state(host: string): HostState {
    let h = this.hosts.get(host);
    if (!h) this.hosts.set(host, (h = { active: 0, nextStart: 0, waiters: [] }));
    return h;
  }

  /**
   * Waits for a free slot and for the host's delay, then returns the function that frees the slot.
   * Rejects (freeing nothing) when `signal` aborts while waiting.
   */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const h = this.state(host);
    while (h.active >= this.perHost) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => {
        h.waiters.push(resolve);
        signal?.addEventListener("abort", () => resolve(), { once: true });
      });
    }
    signal?.throwIfAborted();
    h.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      h.active--;
      h.waiters.shift()?.();
    };
    const now = Date.now();
    const wait = h.nextStart - now;
    h.nextStart = Math.max(now, h.nextStart) + (h.delayMs ?? this.delayMs);
    if (wait > 0) {
      try {
        await sleep(wait, undefined, { signal });
      } catch (err) {
        release();
        throw err;
      }
    }
    return release;
  }
}
