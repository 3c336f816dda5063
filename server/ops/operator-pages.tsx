// The operator pages as the HTML the routes send (routes/): each page is a React component in
// pages/, rendered on the server with react-dom/server, so every value from the database or the request is
// escaped by React. Static markup: no client bundle and no script (the pages' CSP allows none).
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApiKeyRevokePage, ApiKeysPage, type ApiKeysPageModel } from './pages/api-keys-page';
import type { ApiKeySummary } from '../api-keys/api-keys';
import { MessagePage, OperatorPagesOffPage } from './pages/message-pages';
import {
  OrderCancelConfirmationPage,
  type OrderCancelConfirmationModel,
} from './pages/order-cancel-confirmation-page';
import { OrderPage, type OrderPageModel } from './pages/order-page';
import { MerchantOrderPage, type MerchantOrderPageModel } from './pages/merchant-order-page';
import {
  RefundConfirmationPage,
  type RefundConfirmationModel,
} from './pages/refund-confirmation-page';
import { RevokeSessionPage, type RevokeSessionModel } from './pages/revoke-session-page';
import { SearchPage, type SearchPageModel } from './pages/search-page';
import { SessionsPage, type SessionsPageModel } from './pages/sessions-page';
import { SignInPage } from './pages/sign-in-page';
import { ImportPreviewPage, type ImportPreviewModel } from './pages/import-preview-page';
import { ProductPage, type ProductPageModel } from './pages/product-page';
import { ProductsPage, type ProductsPageModel } from './pages/products-page';
import { ShopProfilePage, type ShopProfilePageModel } from './pages/shop-profile-page';

/** React renders the <html> element; the doctype (standards mode) is ours to add. */
function render(page: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

export const signInPage = (error?: string) => render(<SignInPage error={error} />);
export const searchPage = (model: SearchPageModel) => render(<SearchPage {...model} />);
export const orderPage = (model: OrderPageModel) => render(<OrderPage {...model} />);
export const merchantOrderPage = (model: MerchantOrderPageModel) =>
  render(<MerchantOrderPage {...model} />);
export const refundConfirmationPage = (model: RefundConfirmationModel) =>
  render(<RefundConfirmationPage {...model} />);
export const orderCancelConfirmationPage = (model: OrderCancelConfirmationModel) =>
  render(<OrderCancelConfirmationPage {...model} />);
export const sessionsPage = (model: SessionsPageModel) => render(<SessionsPage {...model} />);
export const apiKeysPage = (model: ApiKeysPageModel) => render(<ApiKeysPage {...model} />);
export const apiKeyRevokePage = (apiKey: ApiKeySummary) =>
  render(<ApiKeyRevokePage apiKey={apiKey} />);
export const revokeSessionPage = (model: RevokeSessionModel) =>
  render(<RevokeSessionPage {...model} />);
export const operatorPagesOffPage = () => render(<OperatorPagesOffPage />);
export const notFoundPage = (what: string) =>
  render(<MessagePage heading="Not found" message={what} />);
export const badRequestPage = (problem: string) =>
  render(<MessagePage heading="Bad request" message={problem} />);
export const productsPage = (model: ProductsPageModel) => render(<ProductsPage {...model} />);
export const productPage = (model: ProductPageModel) => render(<ProductPage {...model} />);
export const importPreviewPage = (model: ImportPreviewModel) =>
  render(<ImportPreviewPage {...model} />);
export const shopProfilePage = (model: ShopProfilePageModel) =>
  render(<ShopProfilePage {...model} />);
