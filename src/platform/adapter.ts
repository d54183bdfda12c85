/**
 * What the runtime needs from every platform adapter. Adapters translate
 * platform events into `core.ask` calls and render answers; they hold no
 * question logic of their own.
 */
export interface Adapter {
  /** Platform name, also the prefix of its channel ids ("discord:123"). */
  readonly platform: string;
  start(): Promise<void>;
  /** Stops taking events, waits (bounded) for answers in flight, disconnects. */
  stop(): Promise<void>;
  /** Connected and able to answer; drives health checks. */
  isReady(): boolean;
}
