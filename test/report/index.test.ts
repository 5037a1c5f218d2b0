import { describe, expect, it } from 'vitest';
import { isReportFormat, REPORT_FORMATS, renderReport } from '../../action/report/index.js';
import { renderJson } from '../../action/report/json.js';
import { renderMarkdown } from '../../action/report/markdown.js';
import { renderText } from '../../action/report/text.js';
import { largeReport, sampleReport } from './sample-report.js';

describe('renderReport', () => {
  it('lists the five formats of the CLI', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'markdown', 'sarif', 'junit']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('html')).toBe(false);
  });

  it('dispatches to each renderer with its options', () => {
    const report = sampleReport();
    expect(renderReport(report, 'text')).toBe(renderText(report, { color: false }));
    expect(renderReport(report, 'text', { color: true })).toBe(renderText(report, { color: true }));
    expect(renderReport(report, 'json')).toBe(renderJson(report));
    expect(JSON.parse(renderReport(report, 'sarif')).version).toBe('2.1.0');
    expect(renderReport(report, 'junit')).toMatch(/^<\?xml/);
    const big = largeReport(3000);
    expect(renderReport(big, 'markdown', { maxLength: 20_000 })).toBe(
      renderMarkdown(big, { maxLength: 20_000 }),
    );
    expect(renderReport(big, 'markdown', { maxLength: 20_000 }).length).toBeLessThanOrEqual(20_000);
  });

  it('ends every format with a newline', () => {
    for (const format of REPORT_FORMATS)
      expect(renderReport(sampleReport(), format).endsWith('\n')).toBe(true);
  });
});
