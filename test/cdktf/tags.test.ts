/** Tags and descriptions AWS would refuse at apply throw at construction. */
import { describe, expect, it } from 'vitest';
import { McpServer, type McpServerProps } from '../../cdktf/index.js';
import { serverProps, synthServer, testStack } from './helpers.js';

const construct = (props: Partial<McpServerProps>) => () =>
  new McpServer(testStack(), 'Server', serverProps(props));

describe('tags', () => {
  it('noncompliant: characters, lengths, the aws: prefix and the 50-tag limit', () => {
    expect(construct({ owner: 'Platform Security <ps@example.com>' })).toThrow(
      /value of tag "mcp-nhi:owner".*use up to 256 letters/,
    );
    expect(construct({ tags: { 'aws:cost': 'x' } })).toThrow(/tag key "aws:cost".*not starting with "aws:"/);
    expect(construct({ tags: { cost: 'x'.repeat(257) } })).toThrow(/value of tag "cost" \(257 characters\)/);
    expect(construct({ tags: { ['k'.repeat(129)]: 'x' } })).toThrow(/tag key "k+"/);
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`team-${i}`, 'x']));
    expect(construct({ tags: many })).toThrow(
      /51 tags on a resource \(2 of them the constructs' own\), over AWS's 50/,
    );
  });
  it('compliant: letters (any script), digits, spaces and _ . : / = + - @; 50 tags in all', () => {
    const many = Object.fromEntries(Array.from({ length: 43 }, (_, i) => [`team-${i}`, 'x']));
    const props = serverProps({
      owner: 'Plattform Sécurité @ example.com',
      tags: { ...many, 'cost-center': 'CC 12/34+a=b' },
    });
    expect(() => synthServer(props)).not.toThrow();
  });

  it('a refused value is described, never repeated: a tag may hold a secret by mistake', () => {
    const password = 'Corr3ct-Horse!Battery#Staple';
    const token = `ghp_${'Q7'.repeat(18)}`;
    for (const [props, secret] of [
      [{ tags: { db_password: password } }, password],
      [{ owner: `${token} <ops@example.com>` }, token],
      [{ tags: { api_token: `${token}${'x'.repeat(240)}` } }, token],
    ] as const) {
      let message = '';
      try {
        construct(props)();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/value of tag "[^"]+" \(\d+ characters(, with "[^"]")?\): use up to 256/);
      for (let i = 0; i + 6 <= secret.length; i++) expect(message).not.toContain(secret.slice(i, i + 6));
    }
  });
});

describe('IAM descriptions', () => {
  it('noncompliant: an em dash, over 1,000 characters', () => {
    expect(construct({ tools: [{ name: 't', description: 'Search issues — read only' }] })).toThrow(
      /description has "—", which IAM refuses/,
    );
    expect(construct({ tools: [{ name: 't', description: 'x'.repeat(1001) }] })).toThrow(
      /over 1,000 characters/,
    );
  });
  it('compliant: ASCII and Latin-1', () => {
    expect(
      construct({ tools: [{ name: 't', description: 'Recherche des tickets (lecture seule), 100 % sûr' }] }),
    ).not.toThrow();
  });
});
