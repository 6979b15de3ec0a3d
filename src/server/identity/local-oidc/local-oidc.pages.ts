// Server-rendered French pages of the bundled demo provider (login, errors, logout), DSFR-looking.
// No script at all (the CSP forbids inline scripts); inline styles are allowed but kept minimal.
// Every interpolated value goes through `esc`.

export const esc = (v: unknown): string =>
  String(v ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export const DEMO_BANNER = "Fournisseur d'identité de démonstration — ne pas utiliser en production";
export const BAD_CREDENTIALS_MESSAGE =
  "Adresse électronique, identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez.";

function layout(title: string, service: string, body: string): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)} — ${esc(DEMO_BANNER)}</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
</head>
<body>
<div class="fr-notice fr-notice--warning" role="region" aria-label="Avertissement" style="background:#ffe9e6;border-bottom:2px solid #ce0500">
  <div class="fr-container"><div class="fr-notice__body">
    <p class="fr-notice__title" style="font-weight:700">${esc(DEMO_BANNER)}</p>
  </div></div>
</div>
<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand">
      <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
      <div class="fr-header__service">
        <p class="fr-header__service-title">Socle — identification de démonstration</p>
        <p class="fr-header__service-tagline">${esc(service)}</p>
      </div>
    </div>
  </div></div></div>
</header>
<main role="main" id="contenu" class="fr-container fr-py-6w" style="max-width:40rem">
${body}
</main>
</body>
</html>`;
}

export type LoginPageInput = {
  action: string;
  abortAction: string;
  audience: "professional" | "person";
  identifier?: string;
  error?: boolean;
};

export function loginPage(p: LoginPageInput): string {
  const service =
    p.audience === "professional"
      ? "Espace professionnel (à la manière de ProConnect)"
      : "Espace personnel (à la manière de FranceConnect)";
  const example = p.audience === "professional" ? "conseiller@demo.socle.fr" : "personne@demo.socle.fr";
  const errorId = "identifiant-erreur";
  const alert = p.error
    ? `<div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
  <h2 class="fr-alert__title">Connexion impossible</h2>
  <p>${esc(BAD_CREDENTIALS_MESSAGE)}</p>
</div>`
    : "";
  const body = `<h1>Se connecter</h1>
<p class="fr-text--lead">${esc(service)}</p>
${alert}
<form method="post" action="${esc(p.action)}">
  <fieldset class="fr-fieldset" aria-labelledby="identifiants-legende">
    <legend class="fr-fieldset__legend" id="identifiants-legende">Vos identifiants de démonstration</legend>
    <div class="fr-fieldset__element">
      <div class="fr-input-group${p.error ? " fr-input-group--error" : ""}">
        <label class="fr-label" for="identifiant">Adresse électronique ou identifiant
          <span class="fr-hint-text">Par exemple : ${esc(example)}</span>
        </label>
        <input class="fr-input${p.error ? " fr-input--error" : ""}" id="identifiant" name="identifiant" type="text"
          autocomplete="username" spellcheck="false" required value="${esc(p.identifier ?? "")}"${p.error ? ` aria-describedby="${errorId}"` : ""}>
        ${p.error ? `<p class="fr-error-text" id="${errorId}">${esc(BAD_CREDENTIALS_MESSAGE)}</p>` : ""}
      </div>
    </div>
    <div class="fr-fieldset__element">
      <div class="fr-input-group">
        <label class="fr-label" for="mot-de-passe">Mot de passe</label>
        <input class="fr-input" id="mot-de-passe" name="mot_de_passe" type="password" autocomplete="current-password" required>
      </div>
    </div>
  </fieldset>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button class="fr-btn" type="submit">Se connecter</button></li>
  </ul>
</form>
<form method="post" action="${esc(p.abortAction)}">
  <button class="fr-btn fr-btn--tertiary" type="submit">Annuler et revenir à Socle</button>
</form>
<div class="fr-callout fr-mt-4w">
  <p class="fr-callout__text">Démonstration : tous les comptes utilisent le mot de passe « demo ».
  Les professionnels se connectent avec leur adresse électronique ; les personnes accompagnées avec l'adresse électronique de leur dossier.</p>
</div>`;
  return layout("Se connecter", service, body);
}

export function errorPage(title: string, message: string): string {
  return layout(
    title,
    "Connexion",
    `<h1>${esc(title)}</h1>
<div class="fr-alert fr-alert--error fr-mb-3w"><p>${esc(message)}</p></div>
<p><a class="fr-link" href="/connexion">Revenir à la page de connexion de Socle</a></p>`,
  );
}

/** RP-initiated logout: the provider asks for a confirmation (its `form` carries an anti-CSRF token). */
export function logoutPage(form: string): string {
  return layout(
    "Se déconnecter",
    "Déconnexion",
    `<h1>Se déconnecter du fournisseur d'identité ?</h1>
<p>Vous êtes déconnecté·e de Socle. Confirmez pour fermer aussi votre session sur le fournisseur d'identité de démonstration.</p>
${form}
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><button class="fr-btn" type="submit" form="op.logoutForm" value="yes" name="logout" autofocus>Se déconnecter</button></li>
  <li><button class="fr-btn fr-btn--secondary" type="submit" form="op.logoutForm">Rester connecté·e au fournisseur</button></li>
</ul>`,
  );
}

export function logoutSuccessPage(): string {
  return layout(
    "Déconnexion réussie",
    "Déconnexion",
    `<h1>Vous êtes déconnecté·e</h1>
<p><a class="fr-link" href="/">Revenir à Socle</a></p>`,
  );
}
