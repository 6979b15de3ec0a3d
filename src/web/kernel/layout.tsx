// The page frame: skip links, DSFR header (service name, quick access: the user's name and
// "Se déconnecter"), main navigation, <main id="contenu">, footer. On every page change the focus
// moves to the new page's h1 so that keyboard and screen-reader users start at the content (RGAA 12).
import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useEffect, useRef } from "react";
import { matchPath, Outlet, useLocation, useNavigationType } from "react-router-dom";
import type { SessionView } from "../../shared/identity/identity.schema";
import { canListPersons } from "../persons/persons.access";
import { SERVICE_NAME } from "./page-title";
import { displayName, type SessionState, useSession } from "./session";

export const SERVICE_TAGLINE = "Plateforme partagée du réseau pour l'emploi";
const HEADER_ID = "en-tete";

export function Layout() {
  const { state, logout } = useSession();
  const { pathname } = useLocation();
  useFocusOnPageChange(pathname);

  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          ...(navigationItems(state, pathname).length > 0
            ? [{ label: "Menu", anchor: `#${HEADER_ID}-main-navigation` }]
            : []),
          { label: "Pied de page", anchor: "#pied-de-page" },
        ]}
      />
      <Header
        id={HEADER_ID}
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        homeLinkProps={{ to: "/", title: `Accueil — ${SERVICE_NAME}` }}
        serviceTitle={SERVICE_NAME}
        serviceTagline={SERVICE_TAGLINE}
        quickAccessItems={quickAccessItems(state, logout)}
        navigation={navigationItems(state, pathname)}
      />
      <main id="contenu" tabIndex={-1} className="socle-main">
        <div className="fr-container fr-pt-4w fr-pb-8w">
          <Outlet />
        </div>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        bottomItems={[headerFooterDisplayItem]}
        contentDescription={`${SERVICE_NAME} est la plateforme partagée par les professionnels du réseau pour l'emploi (France Travail, missions locales, Cap emploi, conseils départementaux et leurs partenaires) pour accompagner les personnes vers l'emploi.`}
        license={<>Le code source de {SERVICE_NAME} est libre, publié sous licence AGPL-3.0 ou ultérieure.</>}
      />
    </>
  );
}

function quickAccessItems(state: SessionState, logout: () => Promise<void>): HeaderProps.QuickAccessItem[] {
  if (state.status !== "authenticated") {
    if (state.status === "loading") return [];
    return [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { to: "/connexion" } }];
  }
  return [
    {
      iconId: "fr-icon-account-circle-line",
      text: displayName(state.session),
      linkProps: { to: "/", title: `${displayName(state.session)} — ${homeLabel(state.session)}` },
    },
    {
      iconId: "fr-icon-logout-box-r-line",
      text: "Se déconnecter",
      buttonProps: { type: "button", onClick: () => void logout() },
    },
  ];
}

function homeLabel(session: SessionView): string {
  return session.kind === "person" ? "Mon espace" : "Accueil";
}

function navigationItems(state: SessionState, pathname: string): MainNavigationProps.Item[] {
  if (state.status !== "authenticated") return [];
  const { session } = state;
  const item = (text: string, to: string, end = false): MainNavigationProps.Item => ({
    text,
    linkProps: { to },
    isActive: matchPath({ path: to, end }, pathname) !== null,
  });
  if (session.kind === "person") {
    return [item("Mon espace", "/", true), item("Qui a consulté mon dossier", "/mon-espace/journal")];
  }
  return [
    item("Accueil", "/", true),
    ...(canListPersons(session) ? [item("Personnes suivies", "/personnes")] : []),
  ];
}

/**
 * After a navigation by the user (link, back/forward), focus the new page's h1 (or <main> while the
 * page is still loading). Redirects (`replace`) and the first page load leave the focus alone.
 */
function useFocusOnPageChange(pathname: string) {
  const navigationType = useNavigationType();
  const lastNavigationType = useRef(navigationType);
  lastNavigationType.current = navigationType;
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page (pathname)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (lastNavigationType.current === "REPLACE") return;
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById("contenu");
      const h1 = main?.querySelector("h1");
      const target = h1 ?? main;
      if (!target) return;
      if (target !== main && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
