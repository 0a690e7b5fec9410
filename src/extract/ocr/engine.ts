import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Worker } from 'tesseract.js';
import { UnreadableDocument } from '../../model/ir.js';
import { OCR_DPI } from './raster.js';

export const OCR_REMEDY = 'npm install tesseract.js @tesseract.js-data/chi_sim @tesseract.js-data/eng @napi-rs/canvas';

export interface Recognised {
  text: string;
  /** 0–100 as the engine reports it */
  confidence: number;
}

export interface PageWord extends Recognised {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Tesseract workers: text in Chinese (with its Latin and digits) and value cells in digits alone. */
export interface Engine {
  cell(png: Buffer): Promise<Recognised>;
  digits(png: Buffer): Promise<Recognised>;
  page(png: Buffer): Promise<PageWord[]>;
  terminate(): Promise<void>;
}

type Tesseract = typeof import('tesseract.js');

/** The traineddata the npm packages ship (LSTM "best_int" models): nothing is downloaded at run time. */
function langPath(pkg: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${pkg}/package.json`)), '4.0.0_best_int');
}

async function loadTesseract(): Promise<Tesseract> {
  try {
    await import('@napi-rs/canvas');
    const tesseract = await import('tesseract.js');
    langPath('@tesseract.js-data/chi_sim');
    langPath('@tesseract.js-data/eng');
    return tesseract;
  } catch (error) {
    throw new UnreadableDocument(
      `PDF 没有文字层（扫描件），文字识别组件未安装（${(error as Error).message.split('\n')[0]}）：${OCR_REMEDY}`,
      'no-text',
    );
  }
}

/** Whether the OCR packages are installed (tests of scans skip without them). */
export async function ocrAvailable(): Promise<boolean> {
  try {
    await loadTesseract();
    return true;
  } catch {
    return false;
  }
}

/** Jobs go to whichever worker of a kind is free. */
function pool(workers: Worker[]) {
  const free = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  return async <T>(job: (w: Worker) => Promise<T>): Promise<T> => {
    const worker = free.pop() ?? (await new Promise<Worker>((resolve) => waiting.push(resolve)));
    try {
      return await job(worker);
    } finally {
      const next = waiting.shift();
      if (next) next(worker);
      else free.push(worker);
    }
  };
}

const TEXT_ONLY = { text: true, blocks: false, hocr: false, tsv: false } as const;

function pageWords({ data }: Awaited<ReturnType<Worker['recognize']>>): PageWord[] {
  return (data.blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) =>
      p.lines.flatMap((l) => l.words.map((word) => ({ text: word.text, confidence: word.confidence, ...word.bbox }))),
    ),
  );
}

export async function startEngine(threads: number): Promise<Engine> {
  const { createWorker, OEM, PSM } = await loadTesseract();
  // cacheMethod 'none': the traineddata is read from the package, never copied to the working directory
  const options = { cacheMethod: 'none', gzip: true } as const;
  const started: Worker[] = [];
  const make = async (lang: string, pkg: string, params: Record<string, string>) => {
    const worker = await createWorker(lang, OEM.LSTM_ONLY, { ...options, langPath: langPath(pkg) });
    started.push(worker);
    await worker.setParameters({ user_defined_dpi: String(OCR_DPI), ...params });
    return worker;
  };
  try {
    const text = await Promise.all(
      Array.from({ length: threads }, () =>
        make('chi_sim', '@tesseract.js-data/chi_sim', {
          tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
          preserve_interword_spaces: '1',
        }),
      ),
    );
    const digits = await make('eng', '@tesseract.js-data/eng', {
      tessedit_pageseg_mode: PSM.SINGLE_WORD,
      tessedit_char_whitelist: '0123456789.',
    });
    const textJobs = pool(text);
    const digitJobs = pool([digits]);
    const read = async (w: Worker, png: Buffer): Promise<Recognised> => {
      const { data } = await w.recognize(png, {}, TEXT_ONLY);
      return { text: data.text.trim(), confidence: data.confidence };
    };
    return {
      cell: (png) => textJobs((w) => read(w, png)),
      digits: (png) => digitJobs((w) => read(w, png)),
      page: async (png) => {
        // a worker of its own, ended with the page: a full page grows a worker's WebAssembly heap by
        // 200–300 MB, which it never gives back, and the next page would grow another worker's
        const w = await make('chi_sim', '@tesseract.js-data/chi_sim', {
          tessedit_pageseg_mode: PSM.AUTO,
          preserve_interword_spaces: '1',
        });
        try {
          return pageWords(await w.recognize(png, {}, { text: false, blocks: true }));
        } finally {
          started.splice(started.indexOf(w), 1);
          await w.terminate().catch(() => undefined);
        }
      },
      terminate: async () => {
        await Promise.all(started.map((w) => w.terminate().catch(() => undefined)));
      },
    };
  } catch (error) {
    await Promise.all(started.map((w) => w.terminate().catch(() => undefined)));
    throw error;
  }
}
