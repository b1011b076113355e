// The declarations must load wherever this file is compiled (the API build includes only what it imports).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./mp4box.d.ts" />
import { open } from 'node:fs/promises';

import { createFile, type Movie } from 'mp4box';

/** A moov atom larger than this is not a video we accept (a 2-hour film's index is a few MB). */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;

export interface VideoFacts {
  width: number;
  height: number;
  durationMs: number;
}

export class VideoProbeError extends Error {}

/**
 * Width, height and duration of an MP4/MOV file on disk, from its `moov` header, with memory that does
 * not grow with the file: the top-level boxes are walked by their headers (the media data, `mdat`, is
 * skipped, never read) and only `ftyp` and `moov` are read and handed to mp4box.js to parse.
 */
export async function probeVideo(path: string): Promise<VideoFacts> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    let ftyp = Buffer.alloc(0);
    while (offset + 8 <= size) {
      const { bytesRead } = await file.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) {
        if (bytesRead < 16) break;
        boxSize = Number(header.readBigUInt64BE(8));
      } else if (boxSize === 0) {
        boxSize = size - offset;
      }
      if (boxSize < 8) throw new VideoProbeError(`a ${type} box at ${offset} has an impossible size`);
      if (type === 'ftyp' && offset === 0 && boxSize <= 4096) {
        ftyp = Buffer.alloc(boxSize);
        await file.read(ftyp, 0, boxSize, 0);
      }
      if (type === 'moov') {
        if (boxSize > MAX_MOOV_BYTES) throw new VideoProbeError('the moov box is too large');
        const moov = Buffer.alloc(boxSize);
        const read = await file.read(moov, 0, boxSize, offset);
        if (read.bytesRead < boxSize) throw new VideoProbeError('the moov box is cut short');
        return parseMoov(Buffer.concat([ftyp, moov]));
      }
      offset += boxSize;
    }
    throw new VideoProbeError('no moov box: not a complete MP4/MOV file');
  } finally {
    await file.close();
  }
}

/** `ftyp` (when there is one) and `moov`, back to back: the rest of the file is not needed. */
function parseMoov(moov: Buffer): VideoFacts {
  const parser = createFile();
  let movie: Movie | undefined;
  parser.onReady = (info) => (movie = info);
  let failure: string | null = null;
  parser.onError = (module: string, message: string) => (failure = `${module}: ${message}`);
  const buffer = moov.buffer.slice(moov.byteOffset, moov.byteOffset + moov.byteLength) as ArrayBuffer & { fileStart: number };
  buffer.fileStart = 0;
  parser.appendBuffer(buffer);
  parser.flush();
  if (!movie) throw new VideoProbeError(`unreadable moov box${failure ? ` (${failure})` : ''}`);
  const track = movie.videoTracks[0];
  if (!track) throw new VideoProbeError('the file has no video track');
  const durationMs = movie.timescale > 0 ? Math.round((movie.duration / movie.timescale) * 1000) : 0;
  return {
    width: Math.round(track.video?.width ?? track.track_width),
    height: Math.round(track.video?.height ?? track.track_height),
    durationMs,
  };
}
