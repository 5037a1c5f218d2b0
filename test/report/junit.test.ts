import { describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from '../../action/report/junit.js';
import { CONTROLS, finding, largeReport, sampleReport } from './sample-report.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A small strict XML parser: throws on unbalanced tags, bad attributes, raw `<`/`&`, illegal chars. */
function parseXml(xml: string): XmlElement {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml))
    throw new Error('illegal XML 1.0 char');
  const decode = (text: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in ${text}`);
    if (text.includes('<')) throw new Error(`raw < in ${text}`);
    return text
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  };
  let pos = 0;
  const prolog = /^<\?xml [^?]*\?>\s*/.exec(xml);
  if (!prolog) throw new Error('no XML declaration');
  pos = prolog[0].length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/y;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = lt < 0 ? xml.slice(pos) : xml.slice(pos, lt);
    const top = stack.at(-1) as XmlElement;
    top.text += decode(text);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const match = tag.exec(xml);
    if (!match) throw new Error(`bad tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [whole, closing, name = '', rawAttrs = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key = '', value = ''] of rawAttrs.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (key in attrs) throw new Error(`duplicate attribute ${key}`);
        attrs[key] = decode(value);
      }
      const element: XmlElement = { name, attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    pos = lt + whole.length;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return root.children[0] as XmlElement;
}

const all = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);

describe('renderJunit', () => {
  it('is well-formed XML with one testsuite per evaluated control', () => {
    const root = parseXml(renderJunit(sampleReport()));
    expect(root.name).toBe('testsuites');
    const suites = all(root, 'testsuite');
    expect(suites.map((suite) => suite.attrs.name?.split(' ')[0])).toEqual(CONTROLS.map((c) => c.id));
  });

  it('counts failures, skips and tests right', () => {
    const report = sampleReport();
    const root = parseXml(renderJunit(report));
    const failing = report.findings.filter((f) => f.status === 'fail').length;
    const skipped = report.findings.length - failing;
    expect(all(root, 'failure')).toHaveLength(failing);
    expect(all(root, 'skipped')).toHaveLength(skipped);
    expect(root.attrs.failures).toBe(String(failing));
    expect(root.attrs.skipped).toBe(String(skipped));
    expect(root.attrs.errors).toBe('0');
    // One testcase per finding plus one passing case for MCP-NHI-022 (no findings).
    expect(root.attrs.tests).toBe(String(report.findings.length + 1));
    expect(all(root, 'testcase')).toHaveLength(report.findings.length + 1);
    for (const suite of all(root, 'testsuite')) {
      expect(suite.attrs.failures).toBe(String(all(suite, 'failure').length));
      expect(suite.attrs.skipped).toBe(String(all(suite, 'skipped').length));
      expect(suite.attrs.tests).toBe(String(all(suite, 'testcase').length));
    }
    const big = largeReport(500);
    const bigRoot = parseXml(renderJunit(big));
    expect(all(bigRoot, 'failure')).toHaveLength(big.findings.filter((f) => f.status === 'fail').length);
  });

  it('has a passing testcase for a control without findings', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const suite = all(root, 'testsuite').find((s) => s.attrs.name?.startsWith('MCP-NHI-022'));
    const cases = all(suite as XmlElement, 'testcase');
    expect(cases).toHaveLength(1);
    expect(cases[0]?.children).toEqual([]);
  });

  it('skips unknown and waived findings with the reason', () => {
    const root = parseXml(renderJunit(sampleReport()));
    const messages = all(root, 'skipped').map((s) => s.attrs.message);
    expect(messages).toContainEqual(
      expect.stringContaining('decided by: data.aws_ssm_parameter.session_seconds'),
    );
    expect(messages).toContainEqual(
      expect.stringContaining('waived by team-platform until 2026-03-31: Vendor integration'),
    );
    const failure = all(root, 'failure').find((f) => f.text.includes('s3:*'));
    expect(failure?.text).toContain('fix: List the exact actions');
    expect(failure?.attrs.type).toBe('critical');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    const nasty = 'a<b>&"c\'\u0000\u0001\u001b\ud800]]></testcase>';
    const report = sampleReport({
      findings: [finding('MCP-NHI-007', nasty, { message: `multi\nline ${nasty}`, attribute: nasty })],
    });
    const xml = renderJunit(report);
    const root = parseXml(xml);
    const testcase = all(root, 'testcase').find((t) => t.attrs.classname === 'MCP-NHI-007');
    expect(testcase?.attrs.name).toBe('a<b>&"c\']]></testcase> (a<b>&"c\']]></testcase>)');
    expect(all(testcase as XmlElement, 'failure')[0]?.attrs.message).toBe(
      'multi\nline a<b>&"c\']]></testcase>',
    );
    expect(xmlEscape('x\u0008y\ufffe\ud83d\ude00')).toBe('xy\ud83d\ude00');
  });
});
