import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = __dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('lib/rules is pure (contract: no I/O, no clock of its own)', () => {
  it.each(sources)('%s reads no clock, environment, file system, network or app layer', (file) => {
    const src = readFileSync(path.join(dir, file), 'utf8');
    expect(src).not.toMatch(/Date\.now\s*\(/);
    expect(src).not.toMatch(/new Date\(\s*\)/);
    expect(src).not.toMatch(/performance\.now|Math\.random|process\.env/);
    expect(src).not.toMatch(/from ['"](node:)?(fs|path|http|https|net|child_process)['"]/);
    expect(src).not.toMatch(/from ['"](next|react|next-auth|drizzle-orm|postgres)(\/[^'"]*)?['"]/);
    expect(src).not.toMatch(/from ['"]@\/(db|app|lib\/(?!rules))/);
    expect(src).not.toMatch(/\bfetch\s*\(/);
  });
});
