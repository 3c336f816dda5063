// Shows what the shopper is paying for: each line with its quantity and price, then the total in VND.
import { cartTotal, type CartLine } from '../cart/demo-cart';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';

export function CartSummary({ lines }: { lines: readonly CartLine[] }) {
  const { messages, language } = useI18n();
  return (
    <div className="cart">
      <ul className="cart__lines">
        {lines.map((line) => (
          <li key={line.item} className="cart__line">
            <span className="cart__item">
              {messages.cartItems[line.item]}
              <span className="cart__quantity">{messages.quantity(line.quantity)}</span>
            </span>
            <span className="cart__price">
              {formatVnd(line.unitPrice * line.quantity, language)}
            </span>
          </li>
        ))}
      </ul>
      <p className="cart__total">
        <span>{messages.total}</span>
        <strong>{formatVnd(cartTotal(lines), language)}</strong>
      </p>
    </div>
  );
}
