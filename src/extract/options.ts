export interface ExtractOptions {
  /** PDFs with more pages are refused as unreadable (a report is rarely over 30 pages) */
  maxPages: number;
  /** DOCX and other zips: refuse archives beyond these (zip bombs) */
  maxZipEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  /** legacy .doc/.wps conversion through LibreOffice */
  sofficeTimeoutMs: number;
  /** address-space cap of each converter process */
  converterMemoryMb: number;
  /** recognise scans (PDFs of page images) with OCR; off: they stay extract/unreadable */
  ocr: boolean;
  /** the OCR child process: its resident memory cap (MB, a watchdog) and its wall-clock limit */
  ocrMemoryMb: number;
  ocrTimeoutMs: number;
  /** told how many pages a scan has before their recognition starts (the worker pool lengthens the file's time limit) */
  onOcrStart?: (pages: number) => void;
}

export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  maxPages: 200,
  maxZipEntries: 2000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  sofficeTimeoutMs: 60_000,
  converterMemoryMb: 1536,
  ocr: true,
  ocrMemoryMb: 1536,
  ocrTimeoutMs: 30 * 60_000,
};
