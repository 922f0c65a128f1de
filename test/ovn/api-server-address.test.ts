import { ApiServerAddress } from '../../src/ovn';

describe('ApiServerAddress', () => {
  test.each([
    ['https://172.18.0.2:6443', '172.18.0.2', 6443, true],
    ['https://[fd00:10::2]:6443', 'fd00:10::2', 6443, true],
    ['https://api.example.com:443', 'api.example.com', 443, false],
    ['https://kind-control-plane:6443', 'kind-control-plane', 6443, false],
    ['https://api.example.com', 'api.example.com', 443, false],
    ['https://10.0.0.1:1', '10.0.0.1', 1, true],
    ['https://10.0.0.1:65535', '10.0.0.1', 65535, true],
  ])('%s', (text, host, port, hostIsIp) => {
    const a = ApiServerAddress.parse(text);
    expect([a.host, a.port, a.hostIsIp, a.url, a.toString()]).toEqual([host, port, hostIsIp, text, text]);
  });

  test.each([
    ['', /expected a url such as "https:\/\/172\.18\.0\.2:6443"/],
    ['ftp://10.0.0.1:21', /expected the scheme "https", which kube-apiserver serves, not "ftp"$/],
    ['https://:6443', /expected a host between "https:\/\/" and the port$/],
    ['https://10.0.0.1:', /expected a port from 1 to 65535, not ""$/],
    ['https://10.0.0.1:6443/', /expected no trailing "\/"/],
    ['https://10.0.0.1:6443?x=1', /expected "https:\/\/<host>:<port>" with no path, query or user/],
    ['https://user@10.0.0.1:6443', /expected (an IP address or a DNS name as the host|"https:\/\/<host>:<port>" with no path, query or user)/],
    ['https://10.0.0:6443', /expected a valid IPv4 address, not "10\.0\.0"$/],
    ['https://[fd00::zz]:6443', /expected a valid IPv6 address in the brackets, not "fd00::zz"$/],
    ['https://[fe80::1%eth0]:6443', /expected a valid IPv6 address in the brackets, not "fe80::1%eth0"$/],
    ['https://-bad-.example:6443', /expected an IP address or a DNS name as the host, not "-bad-\.example"/],
    ['https://api_server:6443', /expected an IP address or a DNS name as the host, not "api_server"/],
    ['https://10.0.0.1:6443x', /expected a port from 1 to 65535, not "6443x"$/],
  ])('rejects %s', (text, message) => {
    expect(() => ApiServerAddress.parse(text)).toThrow(message);
    // Every message shows the whole address as given, then what would be valid.
    expect(() => ApiServerAddress.parse(text)).toThrow(`invalid api server address ${JSON.stringify(text)}: expected `);
  });
});
