/**
 * The part of mp4box.js that probe-video.ts uses. mp4box ships its types only through package.json
 * `exports` (`.d.cts`), which this repository's `moduleResolution: node` does not read; the runtime
 * (Node, Jest and webpack) resolves `exports` and loads the CommonJS build.
 */
declare module 'mp4box' {
  export interface Movie {
    duration: number;
    timescale: number;
    videoTracks: Array<{ track_width: number; track_height: number; video?: { width: number; height: number } }>;
  }
  export interface ISOFile {
    onReady?: (info: Movie) => void;
    onError?: (module: string, message: string) => void;
    appendBuffer(buffer: ArrayBuffer & { fileStart: number }): number;
    flush(): void;
  }
  export function createFile(keepMdatData?: boolean): ISOFile;
}
