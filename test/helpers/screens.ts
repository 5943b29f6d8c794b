// Screenshots of one screen as people see it: 1440×900 and 1024×700, light and dark, saved in
// test-artifacts/ as NAME-1440-light.png and so on. The page comes back to the size and colour
// scheme it had, so the test goes on where it was.
import type { Page } from 'playwright-core';
import { artifactPath } from './browser';

export const screenSizes = [
  { label: '1440', width: 1440, height: 900 },
  { label: '1024', width: 1024, height: 700 },
] as const;

export async function shootScreens(page: Page, name: string): Promise<string[]> {
  const before = page.viewportSize() ?? { width: 1440, height: 900 };
  const saved: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of screenSizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // Two frames: layout and Plot's resize observers settle before the picture is taken.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const path = artifactPath(`${name}-${size.label}-${scheme}.png`);
      await page.screenshot({ path });
      saved.push(path);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(before);
  return saved;
}
