import { describe, expect, it } from 'vitest';
import { md, renderMarkdown } from '../../action/report/markdown.js';
import { finding, largeReport, sampleReport } from './sample-report.js';

/** Cells of a GFM table row: split on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
}

/** Every table in the document has rows with as many cells as its header. */
function expectWellFormedTables(text: string): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!/^\|(?:-|--:|---|:?-+:?\|)+/.test(lines[i + 1] ?? '') || !line.startsWith('|')) continue;
    const width = cells(line).length;
    for (let j = i + 2; j < lines.length && (lines[j] ?? '').startsWith('|'); j++) {
      expect(cells(lines[j] ?? ''), `row ${j}: ${lines[j]}`).toHaveLength(width);
    }
  }
}

describe('renderMarkdown', () => {
  it('puts the verdict first', () => {
    const fail = renderMarkdown(sampleReport());
    expect(fail.split('\n')[0]).toBe('## ❌ mcp-nhi-guard: FAIL');
    expect(fail).toContain('**3 blocking findings** at or above **high**');
    const pass = renderMarkdown(sampleReport({ failOn: 'never' }));
    expect(pass.split('\n')[0]).toBe('## ✅ mcp-nhi-guard: PASS');
  });

  it('has a table per server with tools, identities and blocking findings', () => {
    const text = renderMarkdown(sampleReport());
    expect(text).toContain('#### Server <code>weather</code>');
    expect(text).toContain('#### Server <code>calendar</code>');
    expect(text).toMatch(/\| forecast \| <code>aws\\_iam\\_role\.forecast<\/code> \| ❌ 1 \| 1 \|/);
    expect(text).toMatch(/\| _server itself_ \| <code>aws\\_iam\\_role\.weather<\/code> \| ❌ 1 \| 0 \|/);
    expect(text).toContain('Not attributed to any server');
    expectWellFormedTables(text);
  });

  it('groups findings by control with severity, framework IDs and the fix', () => {
    const text = renderMarkdown(sampleReport());
    expect(text).toContain('#### 🔴 MCP-NHI-007: Least privilege: no wildcard or admin grants');
    expect(text).toContain('NHI5, ASI02, ASI03, MCP02, MAESTRO:L3, MAESTRO:L6, CSF:PR.AA-05');
    expect(text).toContain('**Fix:** List the exact actions and resource ARNs the tool needs.');
    // Blocking controls come before non-blocking ones.
    expect(text.indexOf('MCP-NHI-007:')).toBeLessThan(text.indexOf('MCP-NHI-008:'));
    expect(text.indexOf('MCP-NHI-001:')).toBeLessThan(text.indexOf('MCP-NHI-024:'));
  });

  it('lists unknown values and waivers in every state', () => {
    const text = renderMarkdown(sampleReport());
    expect(text).toContain('### ⏳ Decided at apply time (1)');
    expect(text).toContain('<code>data.aws\\_ssm\\_parameter.session\\_seconds</code> | MCP-NHI-005');
    expect(text).toContain('They do not block');
    expect(text).toContain('**Applied** (1)');
    expect(text).toMatch(/\*\*Expired[^*]*\*\* \(1\)/);
    expect(text).toMatch(/\*\*Unused[^*]*\*\* \(1\)/);
    expect(text).toContain('team-platform');
    expectWellFormedTables(text);
  });

  it('escapes a malicious address so it cannot break a table or inject HTML', () => {
    const evil = 'x|y<script>alert(1)</script>`[link](https://evil)`';
    const report = sampleReport({
      findings: [
        finding('MCP-NHI-007', evil, {
          attribute: 'a|b',
          server: 'weather',
          tool: 'forecast',
          message: 'bad <img src=x onerror=alert(1)> | @octo-org/security\nsecond line $x$',
          refs: [evil],
        }),
        finding('MCP-NHI-005', evil, { status: 'unknown', refs: [evil] }),
      ],
    });
    const text = renderMarkdown(report);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    expect(text).not.toMatch(/(?<!\\)\]\(https:\/\/evil\)/);
    expect(text).toContain('x\\|y&lt;script&gt;');
    expect(text).not.toMatch(/(^|[^\w])@octo-org/);
    expect(text).not.toContain('second line $x$');
    expectWellFormedTables(text);
    // Only our own tags appear as HTML.
    const tags = text.match(/<\/?[a-z]+[^>]*>/gi) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<code>', '</code>', '<br>']));
  });

  it('md escapes markdown and HTML metacharacters', () => {
    expect(md('a|b')).toBe('a\\|b');
    expect(md('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(md('*_`[]~$\\')).toBe('\\*\\_\\`\\[\\]\\~\\$\\\\');
    expect(md('line\nbreak\u001b[31m')).toBe('line break\\[31m');
  });

  it('trims a 5,000-finding report under maxLength, keeping the verdict', () => {
    const report = largeReport(5000);
    const full = renderMarkdown(report);
    expect(full.length).toBeGreaterThan(65536);
    const trimmed = renderMarkdown(report, {
      maxLength: 65536,
      detailsUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(trimmed.length).toBeLessThanOrEqual(65536);
    expect(trimmed.split('\n')[0]).toBe('## ❌ mcp-nhi-guard: FAIL');
    expect(trimmed).toContain('blocking findings**');
    expect(trimmed).toMatch(
      /Trimmed to fit: \d+ of 5000 findings not shown in detail\. \[Full report\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)/,
    );
    // Uses most of the budget rather than dropping everything.
    expect(trimmed.length).toBeGreaterThan(50_000);
    // Lower-severity detail goes first: the kept rows are the blocking critical ones.
    expect(trimmed).toContain('#### 🔴 MCP-NHI-007');
    expect(trimmed).not.toMatch(/\| ⚠️ low \|/);
    expectWellFormedTables(trimmed);
  });

  it('never exceeds maxLength, however small', () => {
    const report = largeReport(300);
    for (const maxLength of [20_000, 5_000, 1_000, 400, 120, 30, 1]) {
      const text = renderMarkdown(report, { maxLength });
      expect(text.length, `maxLength ${maxLength}`).toBeLessThanOrEqual(maxLength);
      if (maxLength >= 400) expect(text.startsWith('## ❌ mcp-nhi-guard: FAIL')).toBe(true);
    }
  });

  it('returns the full document when it fits', () => {
    const report = sampleReport();
    expect(renderMarkdown(report, { maxLength: 65536 })).toBe(renderMarkdown(report));
  });

  it('does not link an unsafe detailsUrl', () => {
    const text = renderMarkdown(largeReport(2000), { maxLength: 10_000, detailsUrl: 'javascript:alert(1)' });
    expect(text).not.toContain('javascript:');
    expect(text).toContain('The full report is in the job log');
  });

  it('shows the summary notes as a GitHub note, also when trimmed', () => {
    const note = 'No MCP server is declared in the inputs <b>: run with --scope all';
    const text = renderMarkdown(sampleReport({ notes: [note] }));
    expect(text).toContain(
      '> [!NOTE]\n> No MCP server is declared in the inputs &lt;b&gt;: run with --scope all',
    );
    const trimmed = renderMarkdown(largeReport(2000), { maxLength: 3000 });
    expect(trimmed.length).toBeLessThanOrEqual(3000);
    const withNote = renderMarkdown(sampleReport({ findings: largeReport(2000).findings, notes: [note] }), {
      maxLength: 3000,
    });
    expect(withNote.length).toBeLessThanOrEqual(3000);
    expect(withNote).toContain('[!NOTE]');
  });

  it('says so when there are no findings', () => {
    const text = renderMarkdown(sampleReport({ findings: [], failOn: 'high' }));
    expect(text.split('\n')[0]).toBe('## ✅ mcp-nhi-guard: PASS');
    expect(text).toContain('No findings.');
  });
});
