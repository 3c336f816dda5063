// Unknown paths show a not-found page in both languages, with the way back to the shop.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { renderWithApi } from '../testing/render-with-api';

describe('NotFoundPage', () => {
  it('answers an unknown path with "Page not found" and a link to the shop, not the shop', () => {
    renderWithApi(<App pathname="/no-such-page" search="" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
    expect(document.title).toMatch(/^Page not found/);
  });
});
