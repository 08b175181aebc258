import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './client';
import { containsText, escapeLike, startsWithText } from './text-search';
import { withLikeEscape } from './sqlite-like';

// Runs on the suite's database, SQLite or PostgreSQL: the same terms must find the same rows on both.
const tag = randomBytes(4).toString('hex');
const names = ['a_b', 'axb', '100%', '1000', 'back\\slash', 'Mixed Case'].map((n) => `${tag} ${n}`);

async function found(filter: object) {
  const db = await getDb();
  const rows = await db.organization.findMany({ where: { AND: [{ name: startsWithText(tag) }, { name: filter }] }, select: { name: true }, orderBy: { name: 'asc' } });
  return rows.map((r) => r.name.slice(tag.length + 1));
}

beforeAll(async () => {
  const db = await getDb();
  await db.organization.createMany({ data: names.map((name, i) => ({ id: `org_search_${tag}_${i}`, name })) });
});

afterAll(async () => {
  const db = await getDb();
  await db.organization.deleteMany({ where: { id: { startsWith: `org_search_${tag}_` } } });
  await closeDb();
});

describe('text search', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
    expect(escapeLike('plain')).toBe('plain');
  });

  it('matches _ and % as the characters they are', async () => {
    expect(await found(containsText('_'))).toEqual(['a_b']);
    expect(await found(containsText('a_b'))).toEqual(['a_b']);
    expect(await found(containsText('%'))).toEqual(['100%']);
    expect(await found(containsText('0%'))).toEqual(['100%']);
    expect(await found(containsText('\\'))).toEqual(['back\\slash']);
    expect(await found(containsText('axb'))).toEqual(['axb']);
  });

  it('ignores case', async () => {
    expect(await found(containsText('mixed case'))).toEqual(['Mixed Case']);
    expect(await found(containsText('MIXED'))).toEqual(['Mixed Case']);
  });

  it('anchors startsWith at the start, wildcards included', async () => {
    expect(await found(startsWithText(`${tag} a_`))).toEqual(['a_b']);
    expect((await found(startsWithText(`${tag} 10`))).sort()).toEqual(['1000', '100%'].sort());
    expect(await found(startsWithText(`${tag} 100%`))).toEqual(['100%']);
  });
});

describe('SQLite LIKE with an escape character', () => {
  it('adds ESCAPE to the LIKE operands Prisma writes, and to nothing else', () => {
    expect(withLikeEscape("WHERE `name` LIKE ('%' || ? || '%') AND `id` LIKE (? || '%') OR `x` NOT LIKE ('%' || ?)")).toBe(
      "WHERE `name` LIKE ('%' || ? || '%') ESCAPE '\\' AND `id` LIKE (? || '%') ESCAPE '\\' OR `x` NOT LIKE ('%' || ?) ESCAPE '\\'",
    );
    expect(withLikeEscape("SELECT 1 WHERE a LIKE ('%' || ? || '%') ESCAPE '!'")).toBe("SELECT 1 WHERE a LIKE ('%' || ? || '%') ESCAPE '!'");
    expect(withLikeEscape("SELECT 'LIKE (x)' FROM t")).toBe("SELECT 'LIKE (x)' FROM t");
  });
});
