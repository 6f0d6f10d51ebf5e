/**
 * Reading the JSON files of a Slack export `.zip` with fflate, bounded against zip bombs: the
 * archive is fed in small chunks and every inflated byte is counted, so a file that claims 1 KB
 * and inflates to gigabytes stops at the limit. Entry names are only compared, never used as paths.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

/** Limits of one archive. */
export interface ZipLimits {
  /** Most bytes inflated over all the files taken. */
  maxTotalBytes: number;
  /** Most bytes of one file. */
  maxFileBytes: number;
}

/** Defaults: far above any Slack export of one incident channel, far below the machine's memory. */
export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxFileBytes: 64 * 1024 * 1024 };

/** An archive that could not be read, or would inflate beyond its limits. */
export class ZipError extends Error {}

const CHUNK = 16 * 1024;

/** The entries of a zip archive that `wanted` picks, by name; throws ZipError beyond the limits or on a broken archive. */
export function readZipEntries(
  archive: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const state: { failure: Error | null } = { failure: null };
  const unzip = new Unzip((file) => {
    if (state.failure || file.name.endsWith('/') || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (state.failure) return;
      if (error) {
        state.failure = new ZipError(`${file.name}: ${error.message}`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxFileBytes || total > limits.maxTotalBytes) {
        state.failure = new ZipError(
          `${file.name} inflates to more than ${Math.round(Math.min(limits.maxFileBytes, limits.maxTotalBytes) / 1024 / 1024)} MB ` +
            '(a zip bomb, or not a Slack export)',
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    try {
      file.start();
    } catch (error) {
      state.failure = new ZipError(`${file.name}: ${(error as Error).message}`);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let i = 0; i < archive.length && !state.failure; i += CHUNK)
      unzip.push(archive.subarray(i, i + CHUNK), i + CHUNK >= archive.length);
  } catch (error) {
    throw new ZipError((error as Error).message);
  }
  if (state.failure) throw state.failure;
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
