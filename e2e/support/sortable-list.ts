import { expect, type Page } from '@playwright/test';

/**
 * A console list whose order and filters live in the URL, as an administrator sorts it:
 * by clicking a column header (a button inside the header cell).
 */
export class SortableList {
  constructor(readonly page: Page) {}

  header(name: string) {
    return this.page.getByRole('columnheader', { name, exact: true });
  }

  async sortBy(header: string) {
    await this.header(header).getByRole('button', { name: header, exact: true }).click();
  }

  /**
   * The list's order as the URL and the header state it, once the server's page is
   * shown; `sort: null` is the list's default order, which the URL does not name.
   */
  async expectSorted(header: string, sort: string | null, order: 'asc' | 'desc') {
    const direction = order === 'asc' ? 'ascending' : 'descending';
    await expect(this.header(header)).toHaveAttribute('aria-sort', direction);
    await expect(this.page.getByRole('status').filter({ hasText: 'Sorted by' })).toHaveText(`Sorted by ${header}, ${direction}`);
    await expect.poll(() => [this.param('sort'), this.param('order')]).toEqual(sort ? [sort, order] : [null, null]);
  }

  param(name: string) {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /** The accessible names of the shown rows whose name contains `part`, top to bottom. */
  async expectRows(part: string, names: string[]) {
    await expect.poll(() => this.page.getByRole('row', { name: part }).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')))).toEqual(names);
  }
}
