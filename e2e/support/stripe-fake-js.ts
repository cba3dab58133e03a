// The fake Stripe.js that e2e/support/stripe-fake.ts serves at /v3/: the same surface Dermis uses
// of the real one (Stripe(pk).elements({clientSecret}).create('payment').mount(el), confirmPayment,
// confirmSetup with redirect 'if_required'), drawing a plain "Card number" field instead of
// Stripe's frames, and a test bank's 3-D Secure dialog ("Complete authentication").
export const FAKE_STRIPE_JS = String.raw`(function () {
  var api = new URL(document.currentScript.src).origin;
  window.Stripe = function (pk) {
    function post(path, form) {
      return fetch(api + path, { method: 'POST', headers: { authorization: 'Bearer ' + pk, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() }).then(function (r) { return r.json(); });
    }
    function challenge() {
      return new Promise(function (resolve) {
        var d = document.createElement('div');
        d.setAttribute('role', 'dialog');
        d.setAttribute('aria-label', 'Test bank authentication');
        d.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;z-index:10000';
        var box = document.createElement('div');
        box.style.cssText = 'background:#fff;color:#000;padding:16px;max-width:320px';
        var p = document.createElement('p');
        p.textContent = 'Test bank: confirm this payment.';
        box.appendChild(p);
        ['Complete authentication', 'Fail authentication'].forEach(function (label, i) {
          var b = document.createElement('button');
          b.type = 'button';
          b.textContent = label;
          b.style.cssText = 'display:block;margin:8px 0;padding:8px;font-size:16px';
          b.onclick = function () { d.remove(); resolve(i === 0); };
          box.appendChild(b);
        });
        d.appendChild(box);
        document.body.appendChild(d);
      });
    }
    function errorOf(e) { return { error: { type: e.type, code: e.code, decline_code: e.decline_code, message: e.message } }; }
    function confirm(kind, opts) {
      var els = opts.elements;
      var secret = els._clientSecret;
      var path = '/v1/' + (kind === 'setup' ? 'setup_intents' : 'payment_intents') + '/' + secret.split('_secret_')[0];
      var number = els._input ? els._input.value : '';
      return post(path + '/confirm', { client_secret: secret, card_number: number }).then(function (o) {
        if (o.error) return errorOf(o.error);
        if (o.status !== 'requires_action') return kind === 'setup' ? { setupIntent: o } : { paymentIntent: o };
        return challenge().then(function (ok) {
          return post(path + '/authenticate', { client_secret: secret, result: ok ? 'ok' : 'fail' }).then(function (a) {
            if (a.status !== 'succeeded') return errorOf(a.last_payment_error || { type: 'card_error', code: 'authentication_failed', message: 'Authentication failed.' });
            return kind === 'setup' ? { setupIntent: a } : { paymentIntent: a };
          });
        });
      });
    }
    return {
      elements: function (o) {
        var els = {
          _clientSecret: o.clientSecret,
          _input: null,
          create: function () {
            var holder = null;
            var handlers = {};
            var el = {
              mount: function (target) {
                holder = typeof target === 'string' ? document.querySelector(target) : target;
                var label = document.createElement('label');
                label.textContent = 'Card number';
                label.style.display = 'block';
                var input = document.createElement('input');
                input.name = 'cardnumber';
                input.autocomplete = 'cc-number';
                input.inputMode = 'numeric';
                input.placeholder = '1234 1234 1234 1234';
                input.style.cssText = 'display:block;width:100%;font-size:16px;padding:8px;box-sizing:border-box';
                label.appendChild(input);
                holder.appendChild(label);
                els._input = input;
                setTimeout(function () { (handlers.ready || []).forEach(function (f) { f({ elementType: 'payment' }); }); }, 0);
              },
              on: function (ev, f) { (handlers[ev] = handlers[ev] || []).push(f); return el; },
              unmount: function () { if (holder) holder.textContent = ''; },
              destroy: function () { if (holder) holder.textContent = ''; },
            };
            return el;
          },
        };
        return els;
      },
      confirmPayment: function (o) { return confirm('payment', o); },
      confirmSetup: function (o) { return confirm('setup', o); },
    };
  };
})();
`;
