import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../features/networks/hooks/use-networks';
import { useCity } from '../features/towns/hooks/use-cities';
import { pageTitle } from '../router/page-title';
import type { Route } from '../router/router';

/**
 * Keeps `document.title` on the shown route, in the UI language (it follows a language switch). Pages
 * about one town or network name it; their data comes from the same queries the pages use (cached).
 */
export function PageTitle({ route }: { route: Route }) {
  if (route.name === 'town' || route.name === 'townReport')
    return <TownTitle route={route} slug={route.slug} />;
  if (route.name === 'network' || route.name === 'networkReport')
    return <NetworkTitle route={route} slug={route.slug} />;
  return <Title route={route} />;
}

function TownTitle({ route, slug }: { route: Route; slug: string }) {
  return <Title route={route} name={useCity(slug).data?.name} />;
}

function NetworkTitle({ route, slug }: { route: Route; slug: string }) {
  return <Title route={route} name={useNetwork(slug).data?.name} />;
}

function Title({ route, name }: { route: Route; name?: string | undefined }) {
  const { t } = useTranslation();
  const title = pageTitle(route, t, name);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
