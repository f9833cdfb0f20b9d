/** One fictional company of the simulated market. Every name is invented; any likeness is accidental. */
export interface SimCompany {
  readonly name: string;
  readonly nameZhHant: string;
  readonly sector: string;
}

/**
 * The roster of "Simulated Tech", a fictional Hong Kong technology market (labelled simulated everywhere:
 * symbols end in `.SIM`, securities carry `attributes.simulated = true`). 34 names; the first `members` are used.
 */
export const SIM_ROSTER: readonly SimCompany[] = [
  { name: 'Harbourlight Cloud', nameZhHant: '港光雲端', sector: 'cloud' },
  { name: 'Kowloon Semiconductor', nameZhHant: '九龍半導體', sector: 'semiconductors' },
  { name: 'Jade Dragon Internet', nameZhHant: '玉龍互聯網', sector: 'internet' },
  { name: 'Pearl River Motors', nameZhHant: '珠江汽車', sector: 'electric vehicles' },
  { name: 'Victoria Peak Software', nameZhHant: '太平山軟件', sector: 'software' },
  { name: 'Lantau Robotics', nameZhHant: '大嶼機械人', sector: 'robotics' },
  { name: 'Silverstrand Payments', nameZhHant: '銀線灣支付', sector: 'fintech' },
  { name: 'Tai Ping Games', nameZhHant: '太平遊戲', sector: 'gaming' },
  { name: 'Junk Sail Media', nameZhHant: '帆船傳媒', sector: 'media' },
  { name: 'Star Ferry Logistics Tech', nameZhHant: '天星物流科技', sector: 'logistics' },
  { name: 'Bauhinia Mobile', nameZhHant: '紫荊移動', sector: 'handsets' },
  { name: 'Lion Rock Data', nameZhHant: '獅子山數據', sector: 'data centres' },
  { name: 'Tsing Ma Networks', nameZhHant: '青馬網絡', sector: 'telecom equipment' },
  { name: 'Sai Kung Health Online', nameZhHant: '西貢健康在線', sector: 'e-health' },
  { name: 'Golden Bauhinia E-Commerce', nameZhHant: '金紫荊電商', sector: 'e-commerce' },
  { name: 'Mong Kok Food Delivery', nameZhHant: '旺角外賣', sector: 'local services' },
  { name: 'Repulse Bay Solar', nameZhHant: '淺水灣太陽能', sector: 'solar' },
  { name: 'Aberdeen AI', nameZhHant: '香港仔人工智能', sector: 'artificial intelligence' },
  { name: 'Cheung Chau Batteries', nameZhHant: '長洲電池', sector: 'batteries' },
  { name: 'Kai Tak Travel Platform', nameZhHant: '啟德旅遊平台', sector: 'travel' },
  { name: 'Shek O Streaming', nameZhHant: '石澳串流', sector: 'streaming' },
  { name: 'Tin Hau Chips', nameZhHant: '天后芯片', sector: 'semiconductors' },
  { name: 'Ma On Shan Smart Home', nameZhHant: '馬鞍山智能家居', sector: 'consumer electronics' },
  { name: 'Sha Tin Security Systems', nameZhHant: '沙田保安系統', sector: 'cybersecurity' },
  { name: 'Wan Chai Social', nameZhHant: '灣仔社交', sector: 'social media' },
  { name: 'Quarry Bay Insurance Tech', nameZhHant: '鰂魚涌保險科技', sector: 'insurtech' },
  { name: 'Tung Chung Air Mobility', nameZhHant: '東涌空中交通', sector: 'drones' },
  { name: 'Yuen Long Agritech', nameZhHant: '元朗農業科技', sector: 'agritech' },
  { name: 'Central Plaza Brokerage Online', nameZhHant: '中環網上證券', sector: 'online brokerage' },
  { name: 'Lamma Island Wind Power', nameZhHant: '南丫島風電', sector: 'renewables' },
  { name: 'Stonecutters Biochips', nameZhHant: '昂船洲生物芯片', sector: 'biotech tools' },
  { name: 'Fo Tan Displays', nameZhHant: '火炭顯示屏', sector: 'displays' },
  { name: 'Discovery Bay Education', nameZhHant: '愉景灣教育', sector: 'edtech' },
  { name: 'North Point Music', nameZhHant: '北角音樂', sector: 'music streaming' },
];
