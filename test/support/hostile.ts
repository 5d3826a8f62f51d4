/**
 * The hostile inputs of issue 5: each must be refused by validation and by quoting, and
 * never show up in a command. Shared by the setup unit tests and the e2e test.
 */
export const hostileValues: [string, string][] = [
  ['a command after a semicolon', '; rm -rf /'],
  ['a command substitution', '$(id)'],
  ['backticks', '`id`'],
  ['double quotes', '"example.com"'],
  ['single quotes', "'example.com'"],
  ['a newline and a second command', 'example.com\nrm -rf /'],
  ['a carriage return', 'example.com\r'],
  ['an inner space', 'example.com -o /etc/passwd'],
  ['a tab', 'example.com\t-v'],
  ['a NUL byte', 'example.com\u0000'],
  ['a pipe', 'example.com|sh'],
  ['an ampersand', 'example.com&'],
  ['a redirect', 'example.com>/etc/passwd'],
  ['a glob', '/var/log/*'],
  ['a variable', '$HOME'],
  ['a tilde', '~/error.log'],
  ['a backslash', 'example\\.com'],
  ['a 10 000-character value', 'a'.repeat(10_000)],
  ['a Cyrillic “а” in exаmple.com', 'ex\u0430mple.com'],
  ['a Cyrillic “е” in еxample.com', '\u0435xample.com'],
  ['fullwidth digits', '\uff18\uff10\uff18\uff10'],
  ['a zero-width space', 'example\u200b.com'],
  ['a right-to-left override', '/var/log/\u202egol.rorre'],
  ['markup', '<img src=x onerror=alert(1)>'],
];
