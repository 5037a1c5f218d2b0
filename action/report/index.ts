/**
 * Report rendering: one pure function per format, from a CheckReport to a string. Writing
 * files, picking colours from the terminal and scrubbing are the caller's job.
 *
 * renderReportParts gives the same text in parts, for callers that scrub and write a large
 * report without ever holding it as one string (Redactor.scrubParts).
 */
import type { CheckReport } from '../findings.js';
import { renderJson, renderJsonParts } from './json.js';
import { renderJunit } from './junit.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { renderSarif, renderSarifParts, type SarifOptions } from './sarif.js';
import { renderText } from './text.js';

export { jsonReport, renderJson, renderJsonParts } from './json.js';
export { renderJunit } from './junit.js';
export { type MarkdownOptions, renderMarkdown } from './markdown.js';
export { renderSarif, renderSarifParts, type SarifOptions, sarifLog } from './sarif.js';
export { renderText, type TextOptions } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Options of every format; each renderer reads the ones that concern it. */
export interface RenderOptions extends MarkdownOptions, SarifOptions {
  /** Text format only: ANSI colours. Default false. */
  readonly color?: boolean;
}

export function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color ?? false });
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, { maxLength: options.maxLength, detailsUrl: options.detailsUrl });
    case 'sarif':
      return renderSarif(report, { baseUri: options.baseUri, informationUri: options.informationUri });
    case 'junit':
      return renderJunit(report);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format: ${String(unknown)}`);
    }
  }
}

/** renderReport's text in consecutive parts: several for the formats that grow large. */
export function renderReportParts(
  report: CheckReport,
  format: ReportFormat,
  options: RenderOptions = {},
): readonly string[] {
  switch (format) {
    case 'json':
      return renderJsonParts(report);
    case 'sarif':
      return renderSarifParts(report, { baseUri: options.baseUri, informationUri: options.informationUri });
    default:
      return [renderReport(report, format, options)];
  }
}
