import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { pageNumber, parseListQuery, searchText, sortFields, yesOrNo } from './list-query';

const schema = z.object({
  q: searchText,
  is_default: yesOrNo,
  ...sortFields(['name', 'created_at'] as const, { sort: 'created_at', order: 'desc' }),
  page: pageNumber,
});

describe('sort fields', () => {
  it('default to the order the list names when the URL names none', () => {
    expect(schema.parse({})).toMatchObject({ sort: 'created_at', order: 'desc', page: 1 });
  });

  it('take one of the list’s columns and asc or desc', () => {
    expect(schema.parse({ sort: 'name', order: 'asc' })).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('refuse another column or order with a message naming what is allowed', () => {
    const parsed = schema.safeParse({ sort: 'secret', order: 'sideways' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['sort', 'Sort by one of name, created_at'],
      ['order', 'Use asc or desc'],
    ]);
  });
});

describe('yes-or-no filter', () => {
  it('reads true and false, and absent as no filter', () => {
    expect(schema.parse({ is_default: 'true' }).is_default).toBe(true);
    expect(schema.parse({ is_default: 'false' }).is_default).toBe(false);
    expect(schema.parse({}).is_default).toBeUndefined();
    expect(schema.safeParse({ is_default: 'yes' }).success).toBe(false);
  });
});

describe('a console list’s query from the URL', () => {
  it('keeps the valid parameters and drops only the refused ones to their defaults', () => {
    expect(parseListQuery(schema, { q: ' billing ', sort: 'colour', order: 'asc', page: '-1' })).toEqual({
      q: 'billing',
      is_default: undefined,
      sort: 'created_at',
      order: 'asc',
      page: 1,
    });
  });

  it('reads the first of a repeated parameter, ignores empty and unknown ones', () => {
    expect(parseListQuery(schema, { sort: ['name', 'created_at'], q: '', client: 'abc', is_default: 'true' })).toEqual({
      q: undefined,
      is_default: true,
      sort: 'name',
      order: 'desc',
      page: 1,
    });
  });
});
