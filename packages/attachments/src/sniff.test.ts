import { describe, expect, it } from 'vitest';
import { isDomainError } from '@certflow/engine';
import { checkUpload, sniffType } from './index.js';
import {
  docxFile,
  exeFile,
  jpegFile,
  pdfFile,
  plainZipFile,
  pngFile,
  textFile,
  xlsxFile,
} from './testing/files.js';

const refusal = (run: () => unknown): { code: string; details: unknown } => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('sniffing the content of an upload', () => {
  it('knows each allowed type by its content', () => {
    expect(sniffType(pdfFile())?.mediaType).toBe('application/pdf');
    expect(sniffType(pngFile())?.mediaType).toBe('image/png');
    expect(sniffType(jpegFile())?.mediaType).toBe('image/jpeg');
    expect(sniffType(docxFile())?.extensions).toEqual(['docx']);
    expect(sniffType(xlsxFile())?.extensions).toEqual(['xlsx']);
    expect(sniffType(textFile())?.mediaType).toBe('text/plain');
  });

  it('knows no executable, no other zip, no binary and no empty file', () => {
    expect(sniffType(exeFile())).toBeNull();
    expect(sniffType(plainZipFile())).toBeNull();
    expect(sniffType(new Uint8Array([0, 1, 2, 3]))).toBeNull();
    expect(sniffType(new Uint8Array([0xc3, 0x28]))).toBeNull(); // not UTF-8
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe('checking an upload', () => {
  const ok = { name: '方案.pdf', declaredType: 'application/pdf', bytes: pdfFile(), limit: 1000 };

  it('accepts a file whose content, extension and declared type agree', () => {
    expect(checkUpload(ok).type.mediaType).toBe('application/pdf');
    expect(checkUpload({ ...ok, declaredType: 'application/octet-stream' }).name).toBe('方案.pdf');
    expect(checkUpload({ ...ok, name: 'C:\\docs\\方案.PDF' }).name).toBe('方案.PDF');
    expect(
      checkUpload({
        name: '名单.csv',
        declaredType: 'text/csv',
        bytes: textFile('a,b\n'),
        limit: 99,
      }).type.mediaType,
    ).toBe('text/plain');
  });

  it('refuses a file over the limit: ATTACHMENT_TOO_LARGE', () => {
    const r = refusal(() => checkUpload({ ...ok, limit: 10 }));
    expect(r.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(r.details).toMatchObject({ limit: 10, size: ok.bytes.length });
  });

  it('refuses a forged Content-Type, a forged extension and a disallowed content', () => {
    const cases = [
      { ...ok, declaredType: 'image/png' }, // a PDF sent as PNG
      { ...ok, name: '方案.png' }, // a PDF named .png
      { ...ok, name: '方案' }, // no extension
      { ...ok, name: 'setup.pdf', bytes: exeFile() }, // an executable renamed .pdf
      { ...ok, name: 'a.docx', declaredType: '', bytes: plainZipFile() },
      { ...ok, name: 'a.txt', declaredType: 'text/plain', bytes: new Uint8Array([0, 0, 0]) },
    ];
    for (const upload of cases) {
      expect(refusal(() => checkUpload(upload)).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    }
  });
});
