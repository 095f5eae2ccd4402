// Northwind Bank reference page for prove-gateway. Plain browser JavaScript, no build step.
//
// Who calls whom:
//   this page  --/prove-demo/api/...-->  the bank's back end (BankBackend.java, holds the gateway credentials)
//              --/prove-gateway/api/v1/...-->  the gateway  --> Prove (here: the emulator)
//   "phone" panel --/prove-sandbox/control/client/{authToken}/{action}--> the emulator, standing in for what
//              Prove's Web SDK does in the customer's browser (see the PROVE WEB SDK markers below).
'use strict';

const SANDBOX = '/prove-sandbox';

const IDENTITY_PRESETS = [
  {phone: '2001004009', hint: 'SMS code 1234 passes; the details below match Prove\'s record',
    person: {firstName: 'Benji', lastName: 'Harper', dob: '1994-09-02', ssn: '565252770',
      address: '27 Financial Place', city: 'Bakersfield', region: 'CA', postalCode: '93301-2425',
      email: 'bharperd@superstars.com'}, name: 'Benji Harper'},
  {phone: '2001001693', hint: 'Pre-Fill user: after validate Prove may ask for date of birth / SSN (challenge) and '
      + 'answers the pre-filled details', challenge: {dob: '1982-07-19', ssn: '6227'},
    person: {firstName: 'Marcia', lastName: 'Longo', dob: '1982-07-19', ssn: '470806227',
      address: '00 Mallard Park', city: 'New Orleans', region: 'LA', postalCode: '70165',
      email: 'mlongok@amazonaws.com'}, name: 'Marcia Longo'},
  {phone: '2001004000', hint: 'short-term user: nothing to do on the phone',
    person: {firstName: 'Martina', lastName: 'Goodram', dob: '1995-07-26', ssn: '490959347',
      address: '28965 Homewood Plaza', city: 'Little Rock', region: 'AR', postalCode: '72204',
      email: 'mgoodram0@nasa.gov'}, name: 'Martina Goodram'},
  {phone: '2001001698', hint: 'SMS code 1234 passes; change a detail below to see a mismatch',
    person: {firstName: 'Enid', lastName: 'Wildt', dob: '1996-06-18', ssn: '212285822',
      address: '861 Karstens Circle', city: 'Washington', region: 'DC', postalCode: '20409',
      email: 'ewildtp@eepurl.com'}, name: 'Enid Wildt'},
];

const $ = (id) => document.getElementById(id);

// The flow the phone panel is working on: {kind: 'possession'|'identity', flowId, authToken, type}.
let current = null;

// ---------- calls ----------

async function backend(method, path, body) {
  const options = {method, headers: {'Accept': 'application/json'}};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const answer = await fetch('api/' + path, options);
  const text = await answer.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = {raw: text}; }
  logCall(method, '/prove-demo/api/' + path, body, answer.status, json);
  return {status: answer.status, ok: answer.ok, json};
}

// PROVE WEB SDK: everything this function does is what the SDK does in the customer's browser after
// `authenticator.authenticate(authToken)`: Prove Key first, then Mobile Auth, SMS OTP (otpStart/otpFinish) or Instant
// Link. A real page does not call /prove-sandbox at all.
async function phoneStep(action, body) {
  const answer = await fetch(SANDBOX + '/control/client/' + encodeURIComponent(current.authToken) + '/' + action, {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {})});
  const json = await answer.json().catch(() => ({}));
  return {status: answer.status, json};
}

function logCall(method, path, body, status, json) {
  const item = document.createElement('li');
  item.className = status >= 400 ? 'call failed' : 'call';
  const head = document.createElement('div');
  head.className = 'call-head';
  head.textContent = method + ' ' + path + '  →  ' + status;
  item.appendChild(head);
  if (body !== undefined) {
    item.appendChild(pre('sent', body));
  }
  item.appendChild(pre('answer', json));
  $('calls').prepend(item);
}

function pre(label, value) {
  const block = document.createElement('pre');
  block.textContent = label + ': ' + JSON.stringify(value, null, 2);
  return block;
}

// ---------- small view helpers ----------

function show(element, kind, text) {
  element.className = (element.id.endsWith('outcome') ? 'outcome ' : 'status ') + kind;
  element.textContent = text;
}

function problemText(json) {
  if (!json) { return 'no answer'; }
  const fields = (json.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
  return (json.title || 'error') + (json.detail ? ' (' + json.detail + ')' : '') + (fields ? ' - ' + fields : '');
}

function table(rows) {
  const t = document.createElement('table');
  for (const [key, value] of rows) {
    const tr = t.insertRow();
    tr.insertCell().textContent = key;
    const cell = tr.insertCell();
    cell.textContent = value === undefined || value === null ? '-' : String(value);
    cell.dataset.field = key;
  }
  return t;
}

// ---------- the phone panel ----------

function phoneReady(flow, task) {
  current = flow;
  $('phone-idle').hidden = true;
  $('phone-active').hidden = false;
  $('phone-task').textContent = task;
  $('phone-token').textContent = 'authToken ' + flow.authToken.slice(0, 16) + '…';
  $('phone-result').textContent = '';
  const possession = flow.kind === 'possession';
  const desktop = flow.type === 'desktop';
  $('phone-key').hidden = !possession || desktop;
  $('phone-otp').parentElement.parentElement.hidden = desktop;
  $('phone-link').hidden = !desktop;
  setPhoneEnabled(true);
}

function phoneIdle() {
  current = null;
  $('phone-idle').hidden = false;
  $('phone-active').hidden = true;
}

function setPhoneEnabled(enabled) {
  for (const id of ['phone-key', 'phone-otp-send', 'phone-link', 'phone-cancel', 'phone-done']) {
    $(id).disabled = !enabled;
  }
}

async function onPhone(action, body) {
  if (!current) { return; }
  setPhoneEnabled(false);
  const answer = await phoneStep(action, Object.assign({device: $('phone-device').value.trim() || 'default'}, body));
  const outcome = answer.json.outcome || answer.json.message || ('HTTP ' + answer.status);
  $('phone-result').textContent = 'Prove (emulator): ' + outcome
      + (answer.json.otpAttemptsLeft !== undefined ? ', attempts left ' + answer.json.otpAttemptsLeft : '');
  if (answer.json.outcome === 'otp_required' || (answer.status === 409 && action === 'key')) {
    setPhoneEnabled(true); // the customer may try again (another code, or the SMS code instead of the key)
    return;
  }
  await finish();
}

// The SDK's "finish" step: the page tells its back end that the client step is over.
async function finish() {
  const flow = current;
  setPhoneEnabled(false);
  if (flow.kind === 'possession') {
    await possessionOutcome(flow);
  } else {
    await identityValidate(flow);
  }
}

// ---------- sign in (possession) ----------

async function startSignIn(event) {
  event.preventDefault();
  $('sign-in-outcome').textContent = '';
  $('sign-in-outcome').className = 'outcome';
  const possessionType = document.querySelector('input[name=possessionType]:checked').value;
  const customer = $('sign-in-customer').value.trim();
  const answer = await backend('POST', 'sign-in', {phoneNumber: $('sign-in-phone').value.trim(),
    possessionType, customerReference: customer});
  if (!answer.ok) {
    show($('sign-in-status'), 'bad', 'Could not start: ' + problemText(answer.json));
    return;
  }
  const started = answer.json;
  show($('sign-in-status'), 'info', 'Flow ' + started.flowId + ' started'
      + (started.deviceRecovered ? ': the gateway recovered this customer\'s Prove Key device (deviceRecovered)'
        + ' - the key alone can sign in' : '') + '. Waiting for the customer\'s phone…');
  phoneReady({kind: 'possession', flowId: started.flowId, authToken: started.authToken, type: possessionType,
    customer}, possessionType === 'desktop'
    ? 'An SMS with a link arrived. Tap it to prove you hold this phone.'
    : (started.deviceRecovered ? 'This phone has a Prove Key: use it.' : 'Enter the SMS code (1234 in the sandbox), '
      + 'or use a Prove Key if this phone has one.'));
}

async function possessionOutcome(flow) {
  const answer = await backend('POST', 'sign-in/' + flow.flowId + '/outcome');
  phoneIdle();
  const view = answer.json || {};
  if (!answer.ok) {
    show($('sign-in-outcome'), 'bad', 'The outcome could not be read: ' + problemText(view));
    return;
  }
  const verified = view.status === 'VERIFIED';
  const box = $('sign-in-outcome');
  box.className = 'outcome ' + (verified ? 'good' : 'bad');
  box.textContent = '';
  const title = document.createElement('strong');
  title.id = 'sign-in-result';
  title.textContent = verified ? 'Signed in: possession VERIFIED' : 'Not signed in: ' + view.status;
  box.appendChild(title);
  box.appendChild(table([['status', view.status], ['proveId', view.proveId], ['deviceId', view.deviceId],
    ['phoneNumber', view.phoneNumber], ['reasons', (view.reasons || []).map((r) => [r.category, r.result, r.code, r.description].filter(Boolean).join(' ')).join('; ')]]));
  $('sign-in-status').textContent = '';
  $('sign-in-status').className = 'status';
  await loadBindings(flow.customer);
}

async function loadBindings(customer) {
  const answer = await backend('GET', 'bindings?customerReference=' + encodeURIComponent(customer));
  const target = $('bindings');
  target.textContent = '';
  const list = answer.ok ? (Array.isArray(answer.json) ? answer.json : (answer.json.bindings || answer.json.items || []))
    : [];
  if (!answer.ok) {
    target.textContent = 'Could not read the registry: ' + problemText(answer.json);
    return;
  }
  if (list.length === 0) {
    const none = document.createElement('p');
    none.className = 'hint small';
    none.textContent = 'No Prove Key is bound for this customer.';
    target.appendChild(none);
    return;
  }
  for (const binding of list) {
    const card = document.createElement('div');
    card.className = 'binding';
    card.appendChild(table([['state', binding.state], ['deviceId', binding.deviceId], ['phoneNumber', binding.phoneNumber],
      ['bound', binding.boundAt], ['last used', binding.lastUsedAt]]));
    const history = document.createElement('p');
    history.className = 'small history';
    history.textContent = 'History: ' + (binding.history || []).map((h) => h.event || h.type).join(' → ');
    card.appendChild(history);
    target.appendChild(card);
  }
}

// ---------- open an account (identity) ----------

async function startIdentity(event) {
  event.preventDefault();
  $('identity-outcome').textContent = '';
  $('identity-outcome').className = 'outcome';
  $('challenge-form').hidden = true;
  $('complete-form').hidden = true;
  const flowType = document.querySelector('input[name=flowType]:checked').value;
  const answer = await backend('POST', 'identity', {phoneNumber: $('identity-phone').value.trim(), flowType});
  if (!answer.ok) {
    show($('identity-status'), 'bad', 'Could not start: ' + problemText(answer.json));
    return;
  }
  show($('identity-status'), 'info', 'Flow ' + answer.json.flowId + ' started. Waiting for the customer\'s phone…');
  phoneReady({kind: 'identity', flowId: answer.json.flowId, authToken: answer.json.authToken, type: flowType},
    flowType === 'desktop' ? 'An SMS with a link arrived. Tap it.' : 'Enter the SMS code (1234 in the sandbox).');
}

async function identityValidate(flow) {
  const answer = await backend('POST', 'identity/' + flow.flowId + '/validate');
  phoneIdle();
  const view = answer.json || {};
  if (!answer.ok) {
    show($('identity-status'), 'bad', 'Validation refused: ' + problemText(view));
    return;
  }
  current = null;
  $('identity-status').dataset.flowId = flow.flowId;
  if (view.status === 'CHALLENGE_REQUIRED') {
    show($('identity-status'), 'info', 'Phone validated. Prove asks for a challenge before it pre-fills the details.');
    const preset = selectedIdentityPreset();
    $('challenge-dob').value = preset && preset.challenge ? preset.challenge.dob : '';
    $('challenge-ssn').value = preset && preset.challenge ? preset.challenge.ssn : '';
    $('challenge-form').hidden = false;
    return;
  }
  if (view.status === 'VALIDATED') {
    show($('identity-status'), 'good', 'Phone validated (' + (view.phoneNumber || '') + '). Now the person: confirm the '
        + 'details and open the account.');
    fillPerson(selectedIdentityPreset() ? selectedIdentityPreset().person : {});
    $('complete-form').hidden = false;
    return;
  }
  show($('identity-status'), 'bad', 'Phone not validated: ' + view.status + '. The flow is over; start again.');
}

async function sendChallenge(event) {
  event.preventDefault();
  const flowId = $('identity-status').dataset.flowId;
  const answer = await backend('POST', 'identity/' + flowId + '/challenge',
    {dob: $('challenge-dob').value.trim(), ssn: $('challenge-ssn').value.trim()});
  if (!answer.ok) {
    show($('identity-status'), 'bad', 'Challenge refused: ' + problemText(answer.json));
    return;
  }
  $('challenge-form').hidden = true;
  const individual = answer.json.individual || {};
  const address = (individual.addresses || [])[0] || {};
  fillPerson(Object.assign({}, selectedIdentityPreset() ? selectedIdentityPreset().person : {}, {
    firstName: individual.firstName, lastName: individual.lastName, dob: individual.dob, ssn: individual.ssn,
    address: address.address, city: address.city, region: address.region, postalCode: address.postalCode,
    email: (individual.emailAddresses || [])[0]}));
  show($('identity-status'), 'good', 'Prove pre-filled the details: check them and open the account.');
  $('complete-form').hidden = false;
}

function fillPerson(person) {
  const form = $('complete-form');
  for (const name of ['firstName', 'lastName', 'dob', 'ssn', 'address', 'city', 'region', 'postalCode', 'email']) {
    if (person[name] !== undefined && person[name] !== null) {
      form.elements[name].value = person[name];
    }
  }
}

async function complete(event) {
  event.preventDefault();
  const form = $('complete-form');
  const value = (name) => form.elements[name].value.trim() || undefined;
  const individual = {firstName: value('firstName'), lastName: value('lastName'), dob: value('dob'), ssn: value('ssn')};
  if (value('address') || value('city')) {
    individual.addresses = [{address: value('address'), city: value('city'), region: value('region'),
      postalCode: value('postalCode')}];
  }
  if (value('email')) {
    individual.emailAddresses = [value('email')];
  }
  const flowId = $('identity-status').dataset.flowId;
  const answer = await backend('POST', 'identity/' + flowId + '/complete', {individual});
  const box = $('identity-outcome');
  const view = answer.json || {};
  box.className = 'outcome ' + (answer.ok && view.verified ? 'good' : 'bad');
  box.textContent = '';
  const title = document.createElement('strong');
  title.id = 'identity-result';
  title.textContent = !answer.ok ? 'Not opened: the gateway refused (' + problemText(view) + ')'
    : view.verified ? 'Account opened: identity verified' : 'Not opened: ' + view.status;
  box.appendChild(title);
  if (!answer.ok) {
    return;
  }
  box.appendChild(table([['status', view.status], ['verified', view.verified],
    ['reasons', (view.reasons || []).map((r) => [r.category, r.result, r.code, r.description].filter(Boolean).join(' ')).join('; ')],
    ['KYC hits', view.kyc ? view.kyc.totalHits : undefined]]));
  box.appendChild(pre('idv (verdicts only, never the data sent)', view.idv));
  form.hidden = true;
}

// ---------- wiring ----------

function selectedIdentityPreset() {
  return IDENTITY_PRESETS.find((p) => p.phone === $('identity-preset').value);
}

function selectTab(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const selected = tab.dataset.panel === name;
    tab.setAttribute('aria-selected', String(selected));
    $(tab.dataset.panel).hidden = !selected;
  }
}

function init() {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab.dataset.panel));
  }
  // A new customer number per visit, so that the first sign-in binds a key and the second one recovers it.
  $('sign-in-customer').value = 'CUST-' + Math.floor(100000 + Math.random() * 900000);
  const signInPreset = $('sign-in-preset');
  const applySignIn = () => {
    $('sign-in-phone').value = signInPreset.value;
    $('sign-in-preset-hint').textContent = signInPreset.selectedOptions[0].dataset.hint;
  };
  signInPreset.addEventListener('change', applySignIn);
  applySignIn();

  const identityPreset = $('identity-preset');
  for (const preset of IDENTITY_PRESETS) {
    identityPreset.add(new Option(preset.name + ' · ' + preset.phone, preset.phone));
  }
  const applyIdentity = () => {
    $('identity-phone').value = identityPreset.value;
    $('identity-preset-hint').textContent = selectedIdentityPreset().hint;
  };
  identityPreset.addEventListener('change', applyIdentity);
  applyIdentity();

  $('sign-in-form').addEventListener('submit', startSignIn);
  $('identity-form').addEventListener('submit', startIdentity);
  $('challenge-form').addEventListener('submit', sendChallenge);
  $('complete-form').addEventListener('submit', complete);
  $('phone-key').addEventListener('click', () => onPhone('key'));
  $('phone-otp-send').addEventListener('click', () => onPhone('otp', {otp: $('phone-otp').value.trim()}));
  $('phone-link').addEventListener('click', () => onPhone('instant-link'));
  $('phone-cancel').addEventListener('click', () => onPhone('cancel'));
  $('phone-done').addEventListener('click', () => finish());
  $('calls-clear').addEventListener('click', () => { $('calls').textContent = ''; });
  // The page has loaded: PROVE WEB SDK: a real page builds its authenticator here, so that the SDK can collect
  // device signals before the customer starts: new proveAuth.AuthenticatorBuilder()...build().
}

document.addEventListener('DOMContentLoaded', init);
