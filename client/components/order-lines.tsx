// A merchant order's lines as the server priced them (name in the shopper's language, quantity × unit
// price, line total) and the order's total: on the checkout and on the receipt.
import type { OrderLineView } from '../../server/payments/status/order-view';
import { formatVnd } from '../format/vnd';
import { useI18n } from '../i18n/language-context';
import { useOrderMessages } from '../i18n/order-messages';

interface OrderLinesProps {
  lines: readonly OrderLineView[];
  total: number;
}

export function OrderLines({ lines, total }: OrderLinesProps) {
  const { language } = useI18n();
  const messages = useOrderMessages();
  return (
    <div className="cart">
      <ul className="cart__lines">
        {lines.map((line, index) => (
          <li key={line.sku ?? `line-${index}`} className="cart__line">
            <span className="cart__item">
              {line.name[language]}
              <span className="cart__quantity">
                {messages.unitPriceTimes(line.quantity, formatVnd(line.unitPrice, language))}
              </span>
            </span>
            <span className="cart__price">{formatVnd(line.lineTotal, language)}</span>
          </li>
        ))}
      </ul>
      <p className="cart__total">
        <span>{messages.total}</span>
        <strong>{formatVnd(total, language)}</strong>
      </p>
    </div>
  );
}
