import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

const SILENT: Progress = { update: () => {}, stop: () => {} };

/** A bar on an interactive stderr only: cron logs get the one summary line and nothing else. */
export function progressBar(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '解析 [{bar}] {value}/{total} | {rate} 份/秒 | 剩余 {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let first = -1;
  let startedBar = false;
  return {
    update(done, total) {
      if (!startedBar) {
        bar.start(total, done, { rate: '0.0' });
        startedBar = true;
        first = done;
      }
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? ((done - first) / seconds).toFixed(1) : '0.0' });
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}
