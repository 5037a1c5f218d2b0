/**
 * IAM policy documents as Terraform strings. IAM policy variables (`${aws:PrincipalTag/tenant}`)
 * look like Terraform interpolations, so they are escaped (`$${...}`, and `%{` as `%%{`); CDKTF tokens are left
 * for CDKTF to resolve into references.
 */
export function policyJson(document: unknown): string {
  return JSON.stringify(document)
    .replace(/(?<!\$)\$\{(?!TfToken\[)/g, '$$${')
    .replace(/(?<!%)%\{/g, '%%{');
}
