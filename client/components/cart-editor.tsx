// The shop's cart: every product of the server's catalogue, in the shopper's language, with its image,
// description and price, a quantity stepper and the line's cost, then the subtotal at the catalogue's
// prices (the server prices the order). Once the shopper changes a quantity, the new subtotal is also announced to screen readers.
import { useState } from 'react';
import type { ProductView } from '../../server/payments/status/order-view';
import { Announce } from '../a11y/live-announcer';
import { cartSubtotal, quantityOf, type CartQuantities } from '../cart/cart-quantities';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { QuantityStepper } from './quantity-stepper';

interface CartEditorProps {
  products: readonly ProductView[];
  quantities: CartQuantities;
  onQuantityChange: (sku: string, quantity: number) => void;
}

export function CartEditor({ products, quantities, onQuantityChange }: CartEditorProps) {
  const { messages, language } = useI18n();
  const [changedByShopper, setChangedByShopper] = useState(false);
  const subtotal = formatVnd(cartSubtotal(products, quantities), language);
  return (
    <div className="cart">
      <ul className="cart__lines">
        {products.map((product) => {
          const name = product.name[language];
          const quantity = quantityOf(quantities, product.sku);
          return (
            <li key={product.sku} className="cart__line cart__line--editable">
              {product.imageUrl && (
                <img className="cart__image" src={product.imageUrl} alt="" width={56} height={56} />
              )}
              <span className="cart__item">
                {name}
                {product.description && (
                  <span className="cart__description">{product.description[language]}</span>
                )}
                <span className="cart__quantity">{formatVnd(product.unitPrice, language)}</span>
              </span>
              <QuantityStepper
                productName={name}
                quantity={quantity}
                onChange={(next) => {
                  setChangedByShopper(true);
                  onQuantityChange(product.sku, next);
                }}
              />
              <span className="cart__price">
                {formatVnd(product.unitPrice * quantity, language)}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="cart__total">
        <span>{messages.subtotal}</span>
        <strong>{subtotal}</strong>
      </p>
      {changedByShopper && <Announce message={`${messages.subtotal}: ${subtotal}`} />}
      <p className="cart__note">{messages.subtotalNote}</p>
    </div>
  );
}
