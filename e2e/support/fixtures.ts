// Shared fixtures for every spec: `import { test, expect } from './support/fixtures'`.
//  - consoleErrors: console errors and uncaught page errors are collected for every test and fail
//    it at the end (auto fixture), unless a spec clears or filters `consoleErrors.allowed`.
//  - checkA11y: runs axe on the current page and expects zero violations, listing each violation
//    and its targets when it fails.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface ConsoleErrors {
  /** Messages collected so far. */
  messages: string[];
  /** Patterns a spec expects (e.g. a deliberate 404 resource); matching messages are ignored. */
  allowed: RegExp[];
}

interface Fixtures {
  consoleErrors: ConsoleErrors;
  checkA11y: (options?: { page?: Page; exclude?: string[]; label?: string }) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const collected: ConsoleErrors = { messages: [], allowed: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') collected.messages.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => collected.messages.push(`pageerror: ${error.message}`));
      await use(collected);
      const unexpected = collected.messages.filter((m) => !collected.allowed.some((re) => re.test(m)));
      expect(unexpected, 'console errors or uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],

  checkA11y: async ({ page }, use) => {
    await use(async (options = {}) => {
      // No tag filter: every rule axe ships (WCAG A/AA and best practices), except experimental ones.
      let builder = new AxeBuilder({ page: options.page ?? page });
      for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
      const results = await builder.analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
      );
      expect(summary, `axe violations${options.label ? ` (${options.label})` : ''}`).toEqual([]);
    });
  },
});

export { expect };
