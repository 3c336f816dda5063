// Where ZaloPay posts its callbacks on this server: the path of the callback_url every order is created
// with (payments-config.ts) and the route server/app.ts answers it on. One constant, so the two agree.
export const CALLBACK_PATH = '/api/zalopay/callback';
