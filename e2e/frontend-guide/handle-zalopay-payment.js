// The frontend guide's example implementation of "Pay with ZaloPay" (section 3.1), kept verbatim below
// this comment so e2e/frontend-guide.spec.ts can prove a shop that copies it still works.
async function handleZaloPayPayment(amount, orderInfo) {
  document.getElementById('loading-spinner').style.display = 'block';
  try {
    const response = await fetch('/api/payment/create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount, order_info: orderInfo }),
    });

    if (!response.ok) {
      throw new Error('Failed to create payment order.');
    }

    const data = await response.json();
    if (data.order_url) {
      window.location.href = data.order_url;
    } else {
       throw new Error('Order URL not received.');
    }
  } catch (error) {
    console.error('Payment initiation failed:', error);
    document.getElementById('error-message').innerText = 'Could not start payment. Please try again.';
    document.getElementById('loading-spinner').style.display = 'none';
  }
}
