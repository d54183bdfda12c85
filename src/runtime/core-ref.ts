import type { Core } from '../core.js';

/**
 * The core in use. Announcement cycles rebuild the index from the corpus
 * folder and swap it in here; adapters read `current` per question, so a
 * new paper can be asked about at once, without a restart.
 */
export class CoreRef {
  #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  get current(): Core {
    return this.#core;
  }

  replace(core: Core): void {
    this.#core = core;
  }
}
