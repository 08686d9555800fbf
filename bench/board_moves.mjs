// One board move from column B to column A, the two ways a user makes it: a real mouse
// drag (press, move, release) and the card's move menu by keyboard. Each is timed in the
// page from the drop (or the key) until the card is painted in column A: the frame after
// the change, and the task after that frame.

const cardIn = (cls) => `[data-testid="board-column"][data-class="${cls}"] [data-testid="board-card"]`;

/** Arms the clock in the page: it starts at the first `startEvent` and stops once `cardId` is painted in A. */
function armClock(page, cardId, startEvent) {
  return page.evaluate(([id, eventName]) => {
    window.__moved = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error(`card ${id} not in column A 10 s after the ${eventName}`)), 10_000);
      // The column is looked up on every change: a build may render it anew.
      const inA = () => document.querySelector(`[data-testid="board-column"][data-class="A"] [data-customer-id="${id}"]`);
      let started = 0;
      document.addEventListener(eventName, () => { started = performance.now(); }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (started && inA()) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  }, [cardId, startEvent]);
}

/** Drags the `index`-th card of column B onto column A with the mouse; returns ms from drop to painted. */
export async function dragToA(page, index) {
  const source = page.locator(cardIn('B')).nth(index);
  const id = await source.getAttribute('data-customer-id');
  await armClock(page, id, 'drop');
  // Pressed on the card's facts, not on its link (a link drags itself).
  const from = await source.locator('.card-facts').boundingBox();
  const to = await page.locator('[data-testid="board-column"][data-class="A"] .column-head').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 2 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
  return page.evaluate(() => window.__moved);
}

/**
 * Moves the `index`-th card of column B to A by keyboard: its menu button focused, Enter
 * opens the menu, Tab reaches "nach A", Enter moves. Returns ms from that last key to painted.
 */
export async function keyboardToA(page, index) {
  const source = page.locator(cardIn('B')).nth(index);
  const id = await source.getAttribute('data-customer-id');
  await source.getByTestId('board-move-menu').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('board-move-to-A').waitFor();
  for (let tab = 0; tab < 4; tab += 1) {
    const focused = await page.evaluate(() => document.activeElement?.dataset.testid);
    if (focused === 'board-move-to-A') break;
    await page.keyboard.press('Tab');
  }
  if ((await page.evaluate(() => document.activeElement?.dataset.testid)) !== 'board-move-to-A') {
    throw new Error('"nach A" is not reachable by Tab from the open menu');
  }
  await armClock(page, id, 'keydown');
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__moved);
}
