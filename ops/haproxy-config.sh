#!/usr/bin/env bash
# Prints the HAProxy configuration of a balancer in front of IOP's clustered nodes (README, Running several
# nodes): one place for it, used by ./run.sh --nodes and by the failover test (ClusterFailoverIT).
# usage: ops/haproxy-config.sh <bind address> <port> <stats port> <node name>=<node HTTP port>...
set -euo pipefail
if [ $# -lt 4 ]; then
    echo "usage: ops/haproxy-config.sh <bind address> <port> <stats port> <node name>=<node HTTP port>..." >&2
    exit 2
fi
BIND=$1 PORT=$2 STATS=$3
shift 3
cat <<HAPROXY
# Made by ops/haproxy-config.sh (README, Running several nodes).
global
    log stdout format raw local0 info
    maxconn 4000

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 20s
    timeout check 3s
    # A request that could not reach its node, or got no byte of an answer from it, is tried again on another
    # node: a node killed with -9 still takes connections for a few hundred ms while it dies, and reads none of
    # them. One whose answer had begun is not repeated; its client sees 502 and tries again.
    retries 3
    retry-on conn-failure empty-response
    option redispatch 1

frontend iop
    bind $BIND:$PORT
    # Only the balancer says who the client is: the nodes read the address (login throttling) from it.
    http-request del-header X-Forwarded-For
    http-request del-header X-Forwarded-Host
    http-request del-header X-Forwarded-Port
    http-request del-header X-Forwarded-Proto
    http-request del-header Forwarded
    # A client asking to switch to HTTP/2 in clear text (h2c; Java's HttpClient asks by default) would make its
    # connection a tunnel to one node, past the balancing and the retries: the request goes on as HTTP/1.1.
    http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
    http-request del-header HTTP2-Settings
    option forwardfor
    default_backend nodes

backend nodes
    balance roundrobin
    # A node serves only while its readiness says UP (its database reachable); checked every 2 s.
    option httpchk GET /api/health/ready
    http-check expect status 200
    default-server check inter 2s fall 2 rise 2
    # A session goes to the node its id names after the dot (WildFly's route: the node owning the session);
    # when that node is down, to any other, which reads the session from the distributed cache.
HAPROXY
for node in "$@"; do
    echo "    use-server ${node%%=*} if { req.cook(JSESSIONID),field(2,.) -m str ${node%%=*} }"
done
for node in "$@"; do
    echo "    server ${node%%=*} 127.0.0.1:${node#*=}"
done
cat <<HAPROXY

listen stats
    bind 127.0.0.1:$STATS
    stats enable
    stats uri /
    stats refresh 5s
HAPROXY
