import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mp4Bytes, writeMp4File } from '../../testing/mp4-fixture';
import { probeVideo } from './probe-video';

describe('probeVideo', () => {
  const path = (name: string) => join(tmpdir(), `kadens-probe-${process.pid}-${name}`);

  it('reads size and duration from the moov box after a large mdat, MP4 and MOV alike', async () => {
    await writeMp4File(path('a.mp4'), { width: 1920, height: 1080, durationMs: 12_345, mdatBytes: 5 * 1024 * 1024 });
    await expect(probeVideo(path('a.mp4'))).resolves.toEqual({ width: 1920, height: 1080, durationMs: 12_345 });
    await writeFile(path('b.mov'), mp4Bytes({ width: 720, height: 1280, durationMs: 4_000, mdatBytes: 100, brand: 'qt  ' }));
    await expect(probeVideo(path('b.mov'))).resolves.toEqual({ width: 720, height: 1280, durationMs: 4_000 });
  });

  it('refuses a file without a moov box', async () => {
    await writeFile(path('c.mp4'), mp4Bytes({ width: 1, height: 1, durationMs: 1, mdatBytes: 10 }).subarray(0, 40));
    await expect(probeVideo(path('c.mp4'))).rejects.toThrow(/moov/);
  });
});
