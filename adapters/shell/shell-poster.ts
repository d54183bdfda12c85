import type { Writable } from 'node:stream';
import {
  type Announcement,
  announcementText,
  type Poster,
  type PostReceipt,
} from '../../src/announce/announcement.js';

/** Announcements to `shell:<name>` channels: the rendered text, printed. */
export class ShellPoster implements Poster {
  readonly #output: Writable;

  constructor(output: Writable) {
    this.#output = output;
  }

  async post(announcement: Announcement): Promise<PostReceipt> {
    this.#output.write(`[shell:${announcement.channelId}] ${announcementText(announcement)}\n\n`);
    return {};
  }
}
