import { AppLayout } from "./app-layout.js";
import { useSession } from "./platform/auth/session.js";
import { NotFoundPage } from "./platform/shell/not-found-page.js";
import { PublicLayout } from "./platform/shell/public-layout.js";

/** Unknown addresses: inside the app's frame when signed in, the public frame otherwise. */
export function NotFoundRoute() {
  const session = useSession();
  const Layout = session.authenticated ? AppLayout : PublicLayout;
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}
