import { useSession } from "../auth/session.js";
import { AppLayout } from "./app-layout.js";
import { NotFoundPage } from "./not-found-page.js";
import { PublicLayout } from "./public-layout.js";

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
