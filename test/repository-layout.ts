/**
 * A repository shaped like infrastructure code (repository mode, issue 19):
 * keepalived.conf defines the tracked script and includes its fragments by
 * their host path, /etc/keepalived/conf.d/*.conf; a fragment tracks that
 * script. The command line's, the pre-commit hook's and the editor's
 * repository tests share it.
 */
export const REPO_MAIN = `global_defs {
  router_id lb1
  enable_script_security
  script_user root
}
vrrp_script chk_haproxy {
  script "/usr/bin/pgrep haproxy"
  interval 2
}
include /etc/keepalived/conf.d/*.conf
`;

/** A conf.d fragment: an instance that tracks chk_haproxy, which only REPO_MAIN defines. */
export const repoFragment = (priority = 100): string => `vrrp_instance VI_WEB {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority ${priority}
  advert_int 1
  virtual_ipaddress {
    10.0.0.100/24
  }
  track_script {
    chk_haproxy
  }
}
`;
