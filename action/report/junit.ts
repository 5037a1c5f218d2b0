/**
 * JUnit XML for CI systems that show test reports: one testsuite per evaluated control, one
 * testcase per finding (failure for `fail`, skipped for `unknown` and `waived`, with the
 * reason), and one passing testcase for a control with no findings.
 */
import type { CheckReport, ControlMeta, Finding } from '../findings.js';
import { addressesInSeveralFiles, controlsWithFindings, frameworkTags, groupBy, location } from './shared.js';

/**
 * Text safe in XML 1.0 content and attributes. Characters XML 1.0 forbids (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) are dropped: no escape makes them legal.
 */
export function xmlEscape(value: string, attribute = false): string {
  const legal = value.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
  const escaped = legal
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  // In attributes, keep line breaks and tabs: a parser would normalize literal ones to spaces.
  return attribute ? escaped.replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlEscape(String(value), true)}"`)
    .join('');
}

export function renderJunit(report: CheckReport): string {
  const controls = controlsWithFindings(report.controls, report.findings);
  const byControl = groupBy(report.findings, (finding) => finding.control);
  const ambiguous = addressesInSeveralFiles(report.findings, report.sharedAddresses);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;

  for (const control of controls) {
    const findings = byControl.get(control.id) ?? [];
    const suiteFailures = findings.filter((finding) => finding.status === 'fail').length;
    const suiteSkipped = findings.length - suiteFailures;
    const suiteTests = Math.max(findings.length, 1);
    tests += suiteTests;
    failures += suiteFailures;
    skipped += suiteSkipped;
    const cases =
      findings.length === 0
        ? [passingCase(control)]
        : findings.map((finding) => findingCase(control, finding, ambiguous));
    suites.push(
      [
        `  <testsuite${attrs({
          name: `${control.id} ${control.title}`,
          tests: suiteTests,
          failures: suiteFailures,
          errors: 0,
          skipped: suiteSkipped,
        })}>`,
        '    <properties>',
        `      <property${attrs({ name: 'severity', value: control.severity })}/>`,
        `      <property${attrs({ name: 'scope', value: control.scope })}/>`,
        `      <property${attrs({ name: 'frameworks', value: frameworkTags(control.frameworks).join(' ') })}/>`,
        `      <property${attrs({ name: 'origin', value: control.origin })}/>`,
        '    </properties>',
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }

  const header = `<testsuites${attrs({
    name: report.tool.name,
    tests,
    failures,
    errors: 0,
    skipped,
  })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', header, ...suites, '</testsuites>', ''].join('\n');
}

function passingCase(control: ControlMeta): string {
  return `    <testcase${attrs({ classname: control.id, name: `${control.id}: no findings` })}/>`;
}

function findingCase(control: ControlMeta, finding: Finding, ambiguous: ReadonlySet<string>): string {
  const open = `    <testcase${attrs({
    classname: control.id,
    name: location(finding, ambiguous),
    file: finding.source?.file,
    line: finding.source?.line,
  })}>`;
  const context = [
    finding.server === undefined ? undefined : `server: ${finding.server}`,
    finding.tool === undefined ? undefined : `tool: ${finding.tool}`,
  ].filter((line): line is string => line !== undefined);
  if (finding.status === 'fail') {
    const body = [
      finding.message,
      `address: ${location(finding, ambiguous)}`,
      ...context,
      `fix: ${finding.fix}`,
      `frameworks: ${frameworkTags(finding.frameworks).join(', ')}`,
    ].join('\n');
    return [
      open,
      `      <failure${attrs({ type: finding.severity, message: finding.message })}>${xmlEscape(body)}</failure>`,
      '    </testcase>',
    ].join('\n');
  }
  let reason: string;
  if (finding.status === 'waived') {
    reason = finding.waiver
      ? `waived by ${finding.waiver.owner} until ${finding.waiver.expires}: ${finding.waiver.reason}`
      : 'waived';
  } else {
    const refs = finding.refs && finding.refs.length > 0 ? finding.refs.join(', ') : 'not known';
    reason = `unknown until apply, decided by: ${refs}`;
  }
  return [
    open,
    `      <skipped${attrs({ message: `${reason} (${finding.message})` })}/>`,
    '    </testcase>',
  ].join('\n');
}
